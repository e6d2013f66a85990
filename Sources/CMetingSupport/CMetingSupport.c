// The helpers are static inline functions in include/CMetingSupport.h;
// SwiftPM needs one source file per C target.
#include "CMetingSupport.h"
