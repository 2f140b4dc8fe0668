#ifndef TRIALEXPORT_CLIBXML2_SHIM_H
#define TRIALEXPORT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its ICU headers clash with Foundation's own ICU module. Only
// encoding.h uses them (the ICU fields of a converter struct this project never touches), so they
// are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
