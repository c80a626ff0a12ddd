print("msr")
