// Thin shim over libxml2 (Debian: libxml2-dev), the XML parser under
// Foundation's XMLParser, used directly through its SAX2 interface: the
// parts of an .xlsx workbook stream through callbacks that see bytes, with
// no String or dictionary per element (a sheet has millions of cells).
#ifndef METING_CLIBXML2_SHIM_H
#define METING_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding.h then includes the
// system's ICU headers, which clash with the ICU module Foundation brings.
// libxml2 itself still converts any encoding a part declares; meting never
// touches the encoding handler structs whose layout this changes (only
// pointers to them).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
