#ifndef TRIALEXPORT_CLIBCSV_SHIM_H
#define TRIALEXPORT_CLIBCSV_SHIM_H
#include <stdio.h>
#include <csv.h>
#endif
