// Thin shim over ReadStat (Debian: libreadstat-dev), the library under R's
// haven and Python's pyreadstat. MetingData wraps it, and runs every read in
// a child process: Debian 12's libreadstat 1.1.8 corrupts memory on crafted
// .sav files (../shared/fixtures/readstat-crashers).
#ifndef METING_CREADSTAT_SHIM_H
#define METING_CREADSTAT_SHIM_H
#include <readstat.h>
#endif
