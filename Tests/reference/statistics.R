# Reference values for meting's statistics beyond the t-tests: effect sizes
# with intervals, rank tests, correlations, p-value adjustment, power,
# shape statistics, bootstrap intervals and exact permutation tests.
#
# Regenerate (from the repository root):
#   Rscript Tests/reference/statistics.R > Tests/MetingStatsTests/Reference/statistics.json
#
# Needs base R, effectsize and boot (Debian: r-base-core r-cran-effectsize
# r-cran-boot). Produced with R 4.2.2, effectsize 0.8.3, boot 1.3-28.1.
# Every number is printed with 17 significant digits. Quantities that R
# finds by a loose root search are recorded twice: as R prints them and,
# where meting solves more precisely, as the exact root (uniroot with
# tol = 1e-14). Numbers are written as JSON strings ("0.46199000000000001"):
# Foundation's JSONSerialization on Linux does not round 17-digit numbers
# correctly, Swift's Double(String) does.
suppressPackageStartupMessages({ library(effectsize); library(boot) })

num <- function(v) {
  if (is.null(v) || length(v) == 0) return("null")
  f <- function(x) if (is.na(x)) "null" else if (is.infinite(x)) (if (x > 0) "\"Inf\"" else "\"-Inf\"") else sprintf("\"%.17g\"", x)
  s <- vapply(v, f, "")
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
str <- function(s) sprintf("\"%s\"", s)
obj <- function(kv) paste0("{", paste(sprintf("\"%s\": %s", names(kv), unlist(kv)), collapse = ", "), "}")
cases <- character()
add <- function(procedure, name, args, expected, tolerance = NULL) {
  e <- obj(expected)
  kv <- list(procedure = str(procedure), name = str(name), args = obj(args), expected = e)
  if (!is.null(tolerance)) kv$tolerance <- num(tolerance)
  cases <<- c(cases, obj(kv))
}
set.seed(42)

# ---- Effect sizes with noncentral-t intervals --------------------------------
exact_ncp <- function(t, df, conf) {
  f <- function(ncp, p) pt(t, df, ncp) - p
  lo <- uniroot(f, c(t - 15, t + 15), p = 1 - (1 - conf) / 2, tol = 1e-14)$root
  hi <- uniroot(f, c(t - 15, t + 15), p = (1 - conf) / 2, tol = 1e-14)$root
  c(lo, hi)
}
es_two <- function(name, x, y, conf = 0.95) {
  n1 <- length(x); n2 <- length(y); df <- n1 + n2 - 2
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / df)
  d <- (mean(x) - mean(y)) / sp; hn <- 1 / n1 + 1 / n2
  ci <- exact_ncp(d / sqrt(hn), df, conf) * sqrt(hn)
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  es <- cohens_d(x, y, ci = conf); gs <- hedges_g(x, y, ci = conf); ds <- glass_delta(x, y, ci = conf)
  s2 <- sd(y); gd <- (mean(x) - mean(y)) / s2; hg <- 1 / n2 + var(x) / (n1 * var(y))
  gci <- exact_ncp(gd / sqrt(hg), n2 - 1, conf) * sqrt(hg)
  add("effect_two", name, list(x = num(x), y = num(y), conf = num(conf)), list(
    d = num(d), d_low = num(ci[1]), d_high = num(ci[2]), g = num(d * J), g_low = num(ci[1] * J), g_high = num(ci[2] * J),
    glass = num(gd), glass_low = num(gci[1]), glass_high = num(gci[2]),
    effectsize_d_low = num(es$CI_low), effectsize_d_high = num(es$CI_high),
    effectsize_g = num(gs$Hedges_g), effectsize_glass = num(ds$Glass_delta),
    effectsize_glass_low = num(ds$CI_low), effectsize_glass_high = num(ds$CI_high)))
}
es_two("sleep groups", sleep$extra[1:10], sleep$extra[11:20])
es_two("mtcars mpg by am, 90%", mtcars$mpg[mtcars$am == 1], mtcars$mpg[mtcars$am == 0], 0.90)
es_two("71 treated vs 23 controls", round(rnorm(71, 0.25, 0.4), 3), round(rnorm(23, -0.05, 0.4), 3))
es_two("small groups", c(3.1, 4.2, 2.8, 5.0), c(2.0, 2.9, 1.5))
es_two("large effect", rnorm(30, 2, 1), rnorm(25, 0, 1.5))
es_paired <- function(name, x, y, conf = 0.95) {
  dif <- x - y; n <- length(dif); dz <- mean(dif) / sd(dif)
  ci <- exact_ncp(dz * sqrt(n), n - 1, conf) / sqrt(n)
  es <- cohens_d(x, y, paired = TRUE, ci = conf)
  dav <- mean(dif) / sqrt((var(x) + var(y)) / 2)
  drm <- dz * sqrt(2 * (1 - cor(x, y)))
  add("effect_paired", name, list(x = num(x), y = num(y), conf = num(conf)), list(
    dz = num(dz), dz_low = num(ci[1]), dz_high = num(ci[2]), effectsize_dz_low = num(es$CI_low),
    effectsize_dz_high = num(es$CI_high), dav = num(dav), drm = num(drm)))
}
es_paired("sleep paired", sleep$extra[11:20], sleep$extra[1:10])
es_paired("40 firms post vs pre", round(rnorm(40, 3.6, 0.5), 3), round(rnorm(40, 3.4, 0.5), 3))
es_paired("paired 99%", c(5.1, 4.8, 6.0, 5.5, 4.9, 5.7, 6.2), c(4.6, 4.9, 5.1, 5.0, 4.2, 5.3, 5.5), 0.99)
morris <- function(name, tpre, tpost, cpre, cpost) {
  nT <- length(tpre); nC <- length(cpre)
  sdpre <- sqrt(((nT - 1) * var(tpre) + (nC - 1) * var(cpre)) / (nT + nC - 2))
  cp <- 1 - 3 / (4 * (nT + nC - 2) - 1)
  add("morris", name, list(tpre = num(tpre), tpost = num(tpost), cpre = num(cpre), cpost = num(cpost)),
      list(d = num(cp * ((mean(tpost) - mean(tpre)) - (mean(cpost) - mean(cpre))) / sdpre)))
}
tp <- round(rnorm(20, 3.3, 0.5), 2); cp <- round(rnorm(12, 3.5, 0.5), 2)
morris("pre/post with control", tp, round(tp + rnorm(20, 0.3, 0.3), 2), cp, round(cp + rnorm(12, -0.05, 0.3), 2))
tp <- round(rnorm(71, 3.35, 0.48), 3); cp <- round(rnorm(23, 3.56, 0.41), 3)
morris("71 and 23 firms", tp, round(tp + rnorm(71, 0.18, 0.38), 3), cp, round(cp + rnorm(23, -0.07, 0.4), 3))

# ---- Wilcoxon signed rank ------------------------------------------------------
wsr <- function(name, x, y = NULL, mu = 0, alternative = "two.sided", exact = NULL, correct = TRUE, conf = 0.95) {
  r <- suppressWarnings(if (is.null(y)) wilcox.test(x, mu = mu, alternative = alternative, exact = exact, correct = correct, conf.int = TRUE, conf.level = conf)
       else wilcox.test(x, y, paired = TRUE, mu = mu, alternative = alternative, exact = exact, correct = correct, conf.int = TRUE, conf.level = conf))
  add("wilcoxon_signed_rank", name, list(x = num(x), y = num(y), mu = num(mu), alternative = str(alternative),
    exact = if (is.null(exact)) "null" else tolower(exact), correct = tolower(correct), conf = num(conf)),
    list(v = num(unname(r$statistic)), p = num(r$p.value), estimate = num(unname(r$estimate)),
         ci_low = num(r$conf.int[1]), ci_high = num(r$conf.int[2]), conf_level = num(attr(r$conf.int, "conf.level"))))
}
a <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30); b <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
wsr("depression scores (R help), exact", a, b)
wsr("depression scores, greater", a, b, alternative = "greater")
wsr("depression scores, less, 90%", a, b, alternative = "less", conf = 0.9)
wsr("sleep paired, ties and zero: normal", sleep$extra[11:20], sleep$extra[1:10])
wsr("sleep paired, no correction", sleep$extra[11:20], sleep$extra[1:10], correct = FALSE)
wsr("one sample mu = 3, exact", c(3.4, 2.9, 3.8, 4.1, 3.3, 2.6, 3.9, 3.55, 4.4, 3.05), mu = 3)
wsr("one sample with ties, mu = 3", c(3, 4, 4, 5, 2, 4, 5, 3, 4, 5, 2, 4), mu = 3)
x60 <- round(rnorm(60, 0.2, 1), 4)
wsr("60 differences: normal (n >= 50)", x60)
wsr("60 differences, forced exact", x60, exact = TRUE)
wsr("likert change scores, many ties", c(1, 0, 1, 2, -1, 1, 0, 1, 1, -1, 2, 1, 0, 1, 3, 1), alternative = "greater")

# ---- Mann-Whitney --------------------------------------------------------------
mw <- function(name, x, y, mu = 0, alternative = "two.sided", exact = NULL, correct = TRUE, conf = 0.95) {
  r <- suppressWarnings(wilcox.test(x, y, mu = mu, alternative = alternative, exact = exact, correct = correct, conf.int = TRUE, conf.level = conf))
  add("mann_whitney", name, list(x = num(x), y = num(y), mu = num(mu), alternative = str(alternative),
    exact = if (is.null(exact)) "null" else tolower(exact), correct = tolower(correct), conf = num(conf)),
    list(w = num(unname(r$statistic)), p = num(r$p.value), estimate = num(unname(r$estimate)),
         ci_low = num(r$conf.int[1]), ci_high = num(r$conf.int[2]), conf_level = num(attr(r$conf.int, "conf.level"))))
}
xa <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46); ya <- c(1.15, 0.88, 0.90, 0.74, 1.21)
mw("permeability (R help), exact", xa, ya)
mw("permeability, greater", xa, ya, alternative = "greater")
mw("permeability, less, mu = 0.1", xa, ya, mu = 0.1, alternative = "less")
mw("mtcars mpg by am: ties, normal", mtcars$mpg[mtcars$am == 0], mtcars$mpg[mtcars$am == 1])
mw("mtcars, no correction", mtcars$mpg[mtcars$am == 0], mtcars$mpg[mtcars$am == 1], correct = FALSE)
mw("71 vs 23, continuous: exact (both < 50)", round(rnorm(71, 0.2, 0.4), 5), round(rnorm(23, -0.05, 0.4), 5))
mw("60 vs 55: normal", round(rnorm(60, 0.2, 1), 5), round(rnorm(55, 0, 1), 5))
mw("likert items, heavy ties", c(4, 5, 3, 4, 4, 5, 2, 4, 3, 5, 4, 4), c(3, 3, 4, 2, 3, 3, 4, 2, 3))

# ---- Sign test, Kruskal-Wallis -----------------------------------------------------
sign_case <- function(name, x, mu = 0, alternative = "two.sided") {
  d <- x - mu; d <- d[d != 0]
  r <- binom.test(sum(d > 0), length(d), alternative = alternative)
  add("sign_test", name, list(x = num(x), mu = num(mu), alternative = str(alternative)),
      list(s = num(sum(d > 0)), p = num(r$p.value), n = num(length(d))))
}
sign_case("sleep differences", sleep$extra[11:20] - sleep$extra[1:10])
sign_case("likert change, greater", c(1, 0, 1, 2, -1, 1, 0, 1, 1, -1, 2, 1, 0, 1, 3, 1), alternative = "greater")
sign_case("one sample mu = 3.5, less", c(3.4, 2.9, 3.8, 4.1, 3.3, 2.6, 3.9, 3.55, 4.4, 3.05), mu = 3.5, alternative = "less")
kw <- function(name, groups) {
  r <- kruskal.test(groups)
  add("kruskal_wallis", name, list(groups = paste0("[", paste(vapply(groups, num, ""), collapse = ", "), "]")),
      list(chi2 = num(unname(r$statistic)), df = num(unname(r$parameter)), p = num(r$p.value)))
}
kw("airquality ozone by month", split(airquality$Ozone[!is.na(airquality$Ozone)], airquality$Month[!is.na(airquality$Ozone)]))
kw("PlantGrowth", split(PlantGrowth$weight, PlantGrowth$group))
kw("likert by category", list(c(3, 4, 4, 5, 3), c(2, 3, 3, 4, 2, 3), c(4, 5, 5, 4, 5), c(3, 3, 4)))

# ---- Correlations -------------------------------------------------------------------
corr <- function(name, x, y, method, alternative = "two.sided", exact = NULL, conf = 0.95) {
  r <- suppressWarnings(cor.test(x, y, method = method, alternative = alternative, exact = exact, conf.level = conf))
  e <- list(statistic = num(unname(r$statistic)), p = num(r$p.value), estimate = num(unname(r$estimate)))
  if (!is.null(r$conf.int)) { e$ci_low <- num(r$conf.int[1]); e$ci_high <- num(r$conf.int[2]) }
  add(paste0("cor_", method), name, list(x = num(x), y = num(y), alternative = str(alternative),
      exact = if (is.null(exact)) "null" else tolower(exact), conf = num(conf)), e)
}
corr("mtcars mpg ~ wt", mtcars$mpg, mtcars$wt, "pearson")
corr("mtcars mpg ~ wt, greater, 90%", mtcars$mpg, mtcars$wt, "pearson", alternative = "greater", conf = 0.9)
corr("pre and post sic", round(rnorm(40, 3.4, 0.5), 3), round(rnorm(40, 3.5, 0.5), 3), "pearson", alternative = "less")
corr("n = 7 spearman, exact enumeration", c(1.2, 2.4, 3.1, 4.8, 5.0, 6.3, 7.7), c(2, 1, 4, 3, 7, 5, 6), "spearman")
corr("n = 9 spearman, exact enumeration, less", c(4, 10, 3, 1, 9, 2, 6, 7, 8), c(5, 8, 6, 2, 10, 3, 9, 4, 7), "spearman", alternative = "less")
corr("n = 20 spearman, Edgeworth", rnorm(20), rnorm(20), "spearman")
corr("n = 30 spearman, correlated, greater", (1:30) + rnorm(30, 0, 8), 1:30, "spearman", alternative = "greater")
corr("spearman with ties: t approximation", c(1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9), c(2, 1, 3, 3, 5, 4, 6, 8, 7, 9, 9, 10), "spearman")
corr("kendall n = 10, exact", c(4, 10, 3, 1, 9, 2, 6, 7, 8, 5), c(5, 8, 6, 2, 10, 3, 9, 4, 7, 1), "kendall")
corr("kendall n = 25, exact, greater", (1:25) + rnorm(25, 0, 6), 1:25, "kendall", alternative = "greater")
corr("kendall with ties: normal", c(1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9), c(2, 1, 3, 3, 5, 4, 6, 8, 7, 9, 9, 10), "kendall")
corr("kendall n = 60: normal", rnorm(60), rnorm(60), "kendall")

# ---- p.adjust -------------------------------------------------------------------------
pv <- c(0.01, 0.04, 0.03, 0.005, 0.20, 0.04, 0.50)
for (m in c("holm", "bonferroni", "hochberg", "BH", "BY"))
  add("p_adjust", paste("seven p-values,", m), list(p = num(pv), method = str(m)), list(adjusted = num(p.adjust(pv, m))))
pv2 <- c(0.0123, 0.412, 0.00015, 0.046, 0.534)
for (m in c("holm", "BH"))
  add("p_adjust", paste("five categories,", m), list(p = num(pv2), method = str(m)), list(adjusted = num(p.adjust(pv2, m))))

# ---- Power ------------------------------------------------------------------------------
pw <- function(name, type, n = NULL, delta = NULL, power = NULL, alternative = "two.sided", strict = FALSE, sig = 0.05) {
  r <- power.t.test(n = n, delta = delta, power = power, sd = 1, sig.level = sig, type = type, alternative = alternative, strict = strict)
  exact <- power.t.test(n = n, delta = delta, power = power, sd = 1, sig.level = sig, type = type, alternative = alternative, strict = strict, tol = 1e-14)
  add("power_t", name, list(type = str(type), n = num(n), d = num(delta), power = num(power), alternative = str(alternative),
      strict = tolower(strict), alpha = num(sig)), list(n = num(exact$n), d = num(exact$delta), power = num(exact$power),
      r_printed_n = num(r$n), r_printed_d = num(r$delta)))
}
pw("two-sample power, n = 20, d = 0.5, R default", "two.sample", n = 20, delta = 0.5)
pw("two-sample power, strict", "two.sample", n = 20, delta = 0.5, strict = TRUE)
pw("two-sample n for 80%, strict", "two.sample", delta = 0.5, power = 0.8, strict = TRUE)
pw("two-sample n for 90%, R default", "two.sample", delta = 0.3, power = 0.9)
pw("paired power n = 23, d_z = 0.4, strict", "paired", n = 23, delta = 0.4, strict = TRUE)
pw("one-sample detectable d, n = 71, 80%, strict", "one.sample", n = 71, power = 0.8, strict = TRUE)
pw("one-sided two-sample power", "two.sample", n = 15, delta = 0.8, alternative = "one.sided")
pw("paired n for 95%, alpha 0.01, strict", "paired", delta = 0.6, power = 0.95, sig = 0.01, strict = TRUE)
# Unequal groups (71 treated, 23 controls): both tails, by direct formula.
unequal <- function(name, n1, n2, d, alpha = 0.05) {
  df <- n1 + n2 - 2; ncp <- d / sqrt(1 / n1 + 1 / n2); q <- qt(alpha / 2, df, lower.tail = FALSE)
  p <- pt(q, df, ncp, lower.tail = FALSE) + pt(-q, df, ncp)
  f <- function(dd) { nc <- dd / sqrt(1 / n1 + 1 / n2); pt(q, df, nc, lower.tail = FALSE) + pt(-q, df, nc) - 0.8 }
  det <- uniroot(f, c(1e-7, 10), tol = 1e-14)$root
  add("power_unequal", name, list(n1 = num(n1), n2 = num(n2), d = num(d), alpha = num(alpha)),
      list(power = num(p), detectable_d_80 = num(det)))
}
unequal("71 vs 23, d = 0.5", 71, 23, 0.5)
unequal("71 vs 23, d = 0.65", 71, 23, 0.65)
unequal("30 vs 10, d = 1, alpha 0.01", 30, 10, 1, 0.01)

# ---- Shape: skewness, kurtosis (SPSS G1/G2), trimmed mean, IQR ------------------------
shape <- function(name, x) {
  n <- length(x); m <- mean(x); d <- x - m
  m2 <- sum(d^2) / n; m3 <- sum(d^3) / n; m4 <- sum(d^4) / n
  g1 <- sqrt(n * (n - 1)) / (n - 2) * m3 / m2^1.5
  g2 <- ((n + 1) * (m4 / m2^2 - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
  se1 <- sqrt(6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3)))
  se2 <- 2 * se1 * sqrt((n^2 - 1) / ((n - 3) * (n + 5)))
  add("shape", name, list(x = num(x)), list(skewness = num(g1), se_skewness = num(se1), kurtosis = num(g2),
      se_kurtosis = num(se2), trimmed = num(mean(x, trim = 0.05)), trimmed20 = num(mean(x, trim = 0.2)),
      iqr7 = num(IQR(x, type = 7)), iqr6 = num(IQR(x, type = 6))))
}
shape("sleep extra", sleep$extra)
shape("mtcars hp", mtcars$hp)
shape("skewed", round(rexp(50, 2), 4))
shape("quantiles of a likert item", c(3, 4, 4, 5, 2, 4, 5, 3, 4, 5, 2, 4, 1))

# ---- Bootstrap intervals from fixed replicates ----------------------------------------------
bootcase <- function(name, x, statistic, B = 999, conf = 0.95) {
  b <- boot(x, function(d, i) statistic(d[i]), R = B)
  L <- empinf(b, type = "jack")
  ci <- boot.ci(b, conf = conf, type = c("perc", "bca"), L = L)
  add("bootstrap", name, list(t0 = num(b$t0), replicates = num(as.vector(b$t)), influence = num(L), conf = num(conf)),
      list(perc_low = num(ci$percent[4]), perc_high = num(ci$percent[5]), bca_low = num(ci$bca[4]), bca_high = num(ci$bca[5])))
}
bootcase("mean of 25 values", round(rnorm(25, 3.4, 0.5), 3), mean)
bootcase("median of 30 skewed values, 90%", round(rexp(30), 3), median, conf = 0.90)
bootcase("mean of 15 values, B = 1999", round(rnorm(15), 3), mean, B = 1999)

# ---- Exact permutation tests -------------------------------------------------------------------
perm <- function(name, x, y, alternative = "two.sided") {
  all <- c(x, y); n1 <- length(x); obs <- mean(x) - mean(y)
  cmb <- combn(length(all), n1)
  diffs <- apply(cmb, 2, function(i) mean(all[i]) - mean(all[-i]))
  tol <- 1e-12 * max(1, abs(obs))
  p <- switch(alternative, two.sided = mean(abs(diffs) >= abs(obs) - tol), greater = mean(diffs >= obs - tol), less = mean(diffs <= obs + tol))
  add("permutation", name, list(x = num(x), y = num(y), alternative = str(alternative)), list(mean_diff = num(obs), p = num(p)))
}
perm("sleep groups", sleep$extra[1:10], sleep$extra[11:20])
perm("small unequal groups, greater", c(5.1, 6.3, 4.8, 7.0, 5.9), c(4.2, 4.9, 3.8, 5.0, 4.4, 4.1, 4.7), "greater")
perm("likert change by treatment, ties", c(1, 0, 2, 1, 1, 0, 2, 1), c(0, -1, 0, 1, 0, -1), "two.sided")

cat("{\n")
cat(sprintf("\"generator\": \"Tests/reference/statistics.R\",\n\"r_version\": \"%s\",\n\"effectsize_version\": \"%s\",\n\"boot_version\": \"%s\",\n",
  R.version.string, as.character(packageVersion("effectsize")), as.character(packageVersion("boot"))))
cat("\"cases\": [\n", paste(cases, collapse = ",\n"), "\n]\n}\n")
