#ifndef TRIALEXPORT_CREADSTAT_SHIM_H
#define TRIALEXPORT_CREADSTAT_SHIM_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <readstat.h>
#endif
