import MSRPostgresClient
import XCTest

/// Passwords are masked in both DSN forms, and in messages that quote them.
final class ConnectionStringTests: XCTestCase {
    func testKeywordFormIsRedacted() {
        let cs = ConnectionString("host=db port=5432 password=s3cret-pw dbname=ops user=msr")
        XCTAssertEqual(cs.redacted, "host=db port=5432 password=******** dbname=ops user=msr")
        XCTAssertEqual(cs.description, cs.redacted)
        XCTAssertEqual(cs.conninfo, "host=db port=5432 password=s3cret-pw dbname=ops user=msr")
        let quoted = ConnectionString("host=db password = 'it\\'s a secret' dbname=ops")
        XCTAssertEqual(quoted.redacted, "host=db password = ******** dbname=ops")
        XCTAssertEqual(quoted.scrub("failed near it's a secret here"), "failed near ******** here")
    }

    func testURIFormIsRedacted() {
        let cs = ConnectionString("postgresql://msr:p%40ss-w0rd@db.example:5432/ops?sslmode=require&password=other-secret")
        XCTAssertEqual(cs.redacted, "postgresql://msr:********@db.example:5432/ops?sslmode=require&password=********")
        XCTAssertFalse(cs.description.contains("w0rd"))
        let plain = ConnectionString("postgres://msr@db/ops")
        XCTAssertEqual(plain.redacted, "postgres://msr@db/ops")
        let single = ConnectionString("postgresql://msr:hunter22@db/ops")
        XCTAssertEqual(single.scrub("message with hunter22 in it"), "message with ******** in it")
        let encoded = ConnectionString("postgresql://msr:p%40ssword@db/ops")
        XCTAssertEqual(encoded.scrub("token p%40ssword and p@ssword"), "token ******** and ********")
    }

    func testNoPasswordLeavesTextAlone() {
        let cs = ConnectionString("dbname=ops")
        XCTAssertEqual(cs.redacted, "dbname=ops")
        XCTAssertEqual(cs.scrub("anything"), "anything")
    }
}
