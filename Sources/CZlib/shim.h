#ifndef MSR_CZLIB_SHIM_H
#define MSR_CZLIB_SHIM_H
#include <zlib.h>
#endif
