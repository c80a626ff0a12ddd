#ifndef MSR_CLIBPQ_SHIM_H
#define MSR_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
