#ifndef MSR_CNATS_SHIM_H
#define MSR_CNATS_SHIM_H
#include <nats/nats.h>
#endif
