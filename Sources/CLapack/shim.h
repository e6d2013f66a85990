// Thin shim over the Fortran LAPACK routines meting uses (Debian: liblapack3
// or OpenBLAS through liblapacke-dev/libopenblas-dev). The prototypes are
// declared here, with gfortran's hidden string-length arguments, because
// lapacke.h drags in C complex types that Swift cannot import. MetingStats
// wraps these; nothing else should call them.
#ifndef METING_CLAPACK_SHIM_H
#define METING_CLAPACK_SHIM_H
#include <stddef.h>

void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt, double *tau,
             double *work, const int *lwork, int *info);
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info, size_t side_len, size_t trans_len);

/// Householder QR with column pivoting of the column-major m×n matrix a.
static inline int meting_dgeqp3(int m, int n, double *a, int lda, int *jpvt, double *tau,
                                double *work, int lwork) {
  int info = 0;
  dgeqp3_(&m, &n, a, &lda, jpvt, tau, work, &lwork, &info);
  return info;
}

/// c := Qᵀc for the Q of meting_dgeqp3 (k reflectors), c column-major m×n.
static inline int meting_dormqr_left_transpose(int m, int n, int k, const double *a, int lda,
                                               const double *tau, double *c, int ldc,
                                               double *work, int lwork) {
  int info = 0;
  dormqr_("L", "T", &m, &n, &k, a, &lda, tau, c, &ldc, work, &lwork, &info, 1, 1);
  return info;
}
#endif
