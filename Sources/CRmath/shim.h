// Thin shim over R's standalone math library (Debian: r-mathlib).
// This module provides no stable Swift API; MetingStats wraps it.
#ifndef METING_CRMATH_SHIM_H
#define METING_CRMATH_SHIM_H
#define MATHLIB_STANDALONE 1
#include <Rmath.h>

// pnorm, qnorm and dnorm are macros in Rmath.h and invisible to Swift.
static inline double meting_pnorm(double x, double mu, double sigma, int lower, int log_p) {
  return pnorm5(x, mu, sigma, lower, log_p);
}
static inline double meting_qnorm(double p, double mu, double sigma, int lower, int log_p) {
  return qnorm5(p, mu, sigma, lower, log_p);
}
static inline double meting_dnorm(double x, double mu, double sigma, int give_log) {
  return dnorm4(x, mu, sigma, give_log);
}
#endif
