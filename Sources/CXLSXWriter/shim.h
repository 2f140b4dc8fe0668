#ifndef TRIALEXPORT_CXLSXWRITER_SHIM_H
#define TRIALEXPORT_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
