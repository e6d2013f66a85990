# Reference values for meting's models: least squares with classical,
# heteroskedasticity-robust (HC0–HC3) and cluster-robust (CR1) standard
# errors, and Wald tests of groups of coefficients.
#
# Regenerate (from the repository root):
#   Rscript Tests/reference/models.R > Tests/MetingStatsTests/Reference/models.json
#
# Needs base R, sandwich, lmtest and car (Debian: r-base-core r-cran-sandwich
# r-cran-lmtest r-cran-car). Produced with R 4.2.2, sandwich 3.0.2, lmtest
# 0.9.40, car 3.1.1. Numbers are JSON strings with 17 significant digits
# (see statistics.R for why). Each case carries its design matrix (as
# model.matrix made it, without the intercept column) so the Swift tests
# feed meting exactly what R fitted.
suppressPackageStartupMessages({ library(sandwich); library(lmtest); library(car) })

num <- function(v) {
  if (is.null(v) || length(v) == 0) return("null")
  f <- function(x) if (is.na(x)) "null" else if (is.infinite(x)) (if (x > 0) "\"Inf\"" else "\"-Inf\"") else sprintf("\"%.17g\"", x)
  s <- vapply(v, f, "")
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
str <- function(s) sprintf("\"%s\"", s)
strs <- function(v) paste0("[", paste(sprintf("\"%s\"", v), collapse = ", "), "]")
obj <- function(kv) paste0("{", paste(sprintf("\"%s\": %s", names(kv), unlist(kv)), collapse = ", "), "}")
arr <- function(items) paste0("[", paste(items, collapse = ", "), "]")
cases <- character()
add <- function(procedure, name, args, expected) {
  cases <<- c(cases, obj(list(procedure = str(procedure), name = str(name), args = obj(args), expected = obj(expected))))
}

read_example <- function(file) read.csv(file.path("examples/mijn-bedrijf", file), comment.char = "#")

# ---- Least squares ------------------------------------------------------------
# For each covariance: the coefficient SEs, t-test p-values (t on n − k df;
# CR1 on G − 1 df as Stata), and a Wald F test of `test` (a set of
# coefficient indices, 0-based over the estimated coefficients).
ols <- function(name, formula, data, cluster = NULL, test = NULL, intercept = TRUE) {
  fit <- lm(formula, data = data, tol = 1e-10)
  mm <- model.matrix(fit)
  keepcols <- colnames(mm) != "(Intercept)"
  X <- mm[, keepcols, drop = FALSE]
  y <- model.response(model.frame(fit))
  n <- nrow(mm); k <- fit$rank
  est <- !is.na(coef(fit))
  columns <- arr(apply(X, 2, num))
  args <- list(y = num(y), columns = columns, names = strs(colnames(X)), intercept = tolower(as.character(intercept)))
  s <- summary(fit)
  expected <- list(coef = num(coef(fit)), rank = num(k), sigma = num(s$sigma), r2 = num(s$r.squared),
                   adj_r2 = num(s$adj.r.squared))
  if (!is.null(s$fstatistic)) {
    expected$f <- num(s$fstatistic[[1]])
    expected$f_p <- num(pf(s$fstatistic[[1]], s$fstatistic[[2]], s$fstatistic[[3]], lower.tail = FALSE))
  }
  kinds <- list(classical = vcov(fit, complete = FALSE), hc0 = vcovHC(fit, type = "HC0"), hc1 = vcovHC(fit, type = "HC1"),
                hc2 = vcovHC(fit, type = "HC2"), hc3 = vcovHC(fit, type = "HC3"))
  if (!is.null(cluster)) {
    args$cluster <- num(as.integer(factor(cluster)) - 1)
    kinds$cr1 <- vcovCL(fit, cluster = cluster, type = "HC1")
  }
  b <- coef(fit)[est]
  for (kind in names(kinds)) {
    V <- kinds[[kind]]
    se <- sqrt(diag(V))
    df <- if (kind == "cr1") length(unique(cluster)) - 1 else n - k
    tt <- b / se
    expected[[paste0("se_", kind)]] <- num(se)
    expected[[paste0("p_", kind)]] <- num(2 * pt(-abs(tt), df))
    if (!is.null(test)) {
      idx <- test + 1
      W <- as.numeric(t(b[idx]) %*% solve(V[idx, idx, drop = FALSE]) %*% b[idx]) / length(idx)
      expected[[paste0("wald_", kind)]] <- num(W)
      expected[[paste0("wald_p_", kind)]] <- num(pf(W, length(idx), df, lower.tail = FALSE))
    }
  }
  if (!is.null(test)) {
    args$test <- num(test)
    # car's linearHypothesis, classical: the same F as the drop-in-RSS test.
    h <- linearHypothesis(fit, names(b)[test + 1], test = "F")
    expected$wald_car <- num(h$F[2])
  }
  add("ols", name, args, expected)
}

mt <- mtcars
mt$cyl <- factor(mt$cyl)
ols("mtcars mpg ~ wt + hp + cyl, clustered by gear", mpg ~ wt + hp + cyl, mt, cluster = mt$gear, test = c(3, 4))
ols("mtcars mpg ~ wt * am", mpg ~ wt * am, mt, test = c(3))
ols("mtcars no intercept", mpg ~ 0 + wt + hp, mt, intercept = FALSE, test = c(0, 1))
mt$wt2 <- 2 * mt$wt
ols("mtcars with an aliased column", mpg ~ wt + wt2 + hp, mt)

set.seed(7)
x <- runif(200, 0, 10)
g <- sample(1:20, 200, replace = TRUE)
het <- data.frame(y = 1 + 2 * x + rnorm(200) * x + rnorm(20)[g], x = x, z = rnorm(200), g = g)
ols("heteroskedastic, 20 clusters", y ~ x + z, het, cluster = het$g, test = c(1, 2))

wide <- read_example("firms_wide.csv")
for (v in grep("^(so|pm|fw|sl)[0-9]", names(wide), value = TRUE)) wide[[v]][wide[[v]] %in% 7:9] <- NA
wide$sic_change <- wide$sic_post - wide$sic_pre
ols("example: ANCOVA sic_post ~ sic_pre + treated", sic_post ~ sic_pre + treated, wide, test = c(2))
ols("example: change score ~ treated", sic_change ~ treated, wide)
long <- read_example("firms_long.csv")
ols("example: DiD sic ~ treated * wave, clustered by firm", sic ~ treated * wave, long, cluster = long$firm_id, test = c(3))
long$category <- relevel(factor(long$category), ref = "none")
ols("example: sic ~ category * wave, clustered by firm", sic ~ category * wave, long, cluster = long$firm_id,
    test = c(6, 7, 8, 9))

# ---- Difference-in-differences (two waves, balanced) ----------------------------
# The regression y ~ treated * post with CR1 by unit and t(G − 1), and the
# change-score t-tests (Student, Welch).
did <- function(name, tpre, tpost, cpre, cpost) {
  nT <- length(tpre); nC <- length(cpre)
  d <- data.frame(y = c(rbind(tpre, tpost), rbind(cpre, cpost)),
                  treated = rep(c(1, 0), c(2 * nT, 2 * nC)), post = rep(c(0, 1), nT + nC),
                  unit = rep(seq_len(nT + nC), each = 2))
  fit <- lm(y ~ treated * post, data = d)
  V <- vcovCL(fit, cluster = d$unit, type = "HC1")
  b <- coef(fit)[["treated:post"]]; se <- sqrt(V["treated:post", "treated:post"]); G <- nT + nC
  st <- t.test(tpost - tpre, cpost - cpre, var.equal = TRUE)
  we <- t.test(tpost - tpre, cpost - cpre)
  add("did", name, list(tpre = num(tpre), tpost = num(tpost), cpre = num(cpre), cpost = num(cpost)), list(
    estimate = num(b), se = num(se), p = num(2 * pt(-abs(b / se), G - 1)),
    ci_low = num(b - qt(0.975, G - 1) * se), ci_high = num(b + qt(0.975, G - 1) * se),
    student_t = num(st$statistic), student_p = num(st$p.value), student_se = num(st$stderr),
    welch_t = num(we$statistic), welch_df = num(we$parameter), welch_p = num(we$p.value)))
}
w <- wide[!is.na(wide$sic_pre) & !is.na(wide$sic_post), ]
did("example: treated vs control", w$sic_pre[w$treated == 1], w$sic_post[w$treated == 1],
    w$sic_pre[w$treated == 0], w$sic_post[w$treated == 0])
did("example: management vs none", w$sic_pre[w$category == "management"], w$sic_post[w$category == "management"],
    w$sic_pre[w$category == "none"], w$sic_post[w$category == "none"])
set.seed(11)
did("unbalanced sizes, heteroskedastic", rnorm(40, 3, 0.5), rnorm(40, 3.4, 0.8), rnorm(12, 3.2, 0.5), rnorm(12, 3.1, 0.4))

# ---- ANCOVA ---------------------------------------------------------------------
# Type III tests as SPSS (car::Anova type 3 with sum-to-zero contrasts),
# partial eta squared, adjusted means at the covariate means (predict), the
# group coefficients against the reference, and the pre × group F test.
ancova <- function(name, post, pre, group, reference, covariates = list()) {
  group <- relevel(factor(group), ref = reference)
  d <- data.frame(post = post, pre = pre, group = group)
  for (cn in names(covariates)) d[[cn]] <- covariates[[cn]]
  d <- d[complete.cases(d), ]
  rhs <- paste(c("pre", names(covariates), "group"), collapse = " + ")
  fit <- lm(as.formula(paste("post ~", rhs)), data = d)
  old <- options(contrasts = c("contr.sum", "contr.poly"))
  a3 <- Anova(lm(as.formula(paste("post ~", rhs)), data = d), type = 3)
  options(old)
  terms <- c("pre", names(covariates), "group")
  ss <- a3[terms, "Sum Sq"]; sse <- a3["Residuals", "Sum Sq"]
  nd <- data.frame(pre = mean(d$pre), group = factor(levels(d$group), levels = levels(d$group)))
  for (cn in names(covariates)) nd[[cn]] <- mean(d[[cn]])
  pr <- predict(fit, nd, se.fit = TRUE)
  q <- qt(0.975, fit$df.residual)
  inter <- lm(as.formula(paste("post ~", rhs, "+ pre:group")), data = d)
  hs <- anova(fit, inter)
  gc <- summary(fit)$coefficients
  gi <- grep("^group", rownames(gc))
  levs <- levels(d$group)
  add("ancova", name, list(post = num(d$post), pre = num(d$pre), group = strs(as.character(d$group)),
                           levels = strs(levs), reference = str(reference),
                           covariates = obj(setNames(lapply(names(covariates), function(cn) num(d[[cn]])), names(covariates))),
                           covariate_names = strs(names(covariates))), list(
    f = num(a3[terms, "F value"]), p = num(a3[terms, "Pr(>F)"]), ss = num(ss), partial_eta2 = num(ss / (ss + sse)),
    df_error = num(fit$df.residual),
    group_coef = num(gc[gi, 1]), group_se = num(gc[gi, 2]), group_p = num(gc[gi, 4]),
    adjusted = num(pr$fit), adjusted_se = num(pr$se.fit),
    adjusted_low = num(pr$fit - q * pr$se.fit), adjusted_high = num(pr$fit + q * pr$se.fit),
    slopes_f = num(hs$F[2]), slopes_p = num(hs$`Pr(>F)`[2]), pre_slope = num(coef(fit)[["pre"]])))
}
ancova("example: sic_post by treated", wide$sic_post, wide$sic_pre, wide$treated, "0")
ancova("example: sic_post by category", wide$sic_post, wide$sic_pre, wide$category, "none")
wide$fte[wide$fte %in% c(-97, -98, -99)] <- NA
ancova("example: with fte as a covariate", wide$sic_post, wide$sic_pre, wide$treated, "0", list(fte = wide$fte))
set.seed(3)
g3 <- sample(c("a", "b", "c"), 60, replace = TRUE); p3 <- rnorm(60, 50, 10)
ancova("three groups, unequal slopes", 5 + 0.8 * p3 + (g3 == "b") * 3 + (g3 == "c") * 0.05 * p3 + rnorm(60, 0, 4), p3, g3, "a")

# ---- One-way ANOVA, Welch, Levene, Tukey HSD, Games–Howell -------------------------
oneway <- function(name, y, g) {
  g <- factor(g)
  fit <- aov(y ~ g)
  a <- summary(fit)[[1]]
  w <- oneway.test(y ~ g)
  lm_ <- car::leveneTest(y ~ g, center = mean)
  lmed <- car::leveneTest(y ~ g, center = median)
  tk <- TukeyHSD(fit)$g
  # Games–Howell by its formula (no package in Debian): every pair j − i.
  k <- nlevels(g); m <- tapply(y, g, mean); v <- tapply(y, g, var); n <- tapply(y, g, length)
  gh <- NULL
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    se <- sqrt(v[i] / n[i] + v[j] / n[j])
    df <- (v[i] / n[i] + v[j] / n[j])^2 / ((v[i] / n[i])^2 / (n[i] - 1) + (v[j] / n[j])^2 / (n[j] - 1))
    d <- m[j] - m[i]; q <- abs(d) / se * sqrt(2)
    crit <- qtukey(0.95, k, df) / sqrt(2) * se
    gh <- rbind(gh, c(d, df, ptukey(q, k, df, lower.tail = FALSE), d - crit, d + crit))
  }
  groups <- lapply(levels(g), function(l) num(y[g == l]))
  add("oneway", name, list(groups = arr(unlist(groups))), list(
    f = num(a[1, "F value"]), p = num(a[1, "Pr(>F)"]), ss_between = num(a[1, "Sum Sq"]), ss_within = num(a[2, "Sum Sq"]),
    welch_f = num(w$statistic), welch_df2 = num(w$parameter[[2]]), welch_p = num(w$p.value),
    levene_mean_f = num(lm_[1, "F value"]), levene_mean_p = num(lm_[1, "Pr(>F)"]),
    levene_median_f = num(lmed[1, "F value"]), levene_median_p = num(lmed[1, "Pr(>F)"]),
    tukey_diff = num(tk[, "diff"]), tukey_low = num(tk[, "lwr"]), tukey_high = num(tk[, "upr"]), tukey_p = num(tk[, "p adj"]),
    gh_diff = num(gh[, 1]), gh_df = num(gh[, 2]), gh_p = num(gh[, 3]), gh_low = num(gh[, 4]), gh_high = num(gh[, 5])))
}
oneway("PlantGrowth", PlantGrowth$weight, PlantGrowth$group)
oneway("InsectSprays", InsectSprays$count, InsectSprays$spray)
oneway("example: sic change by category", wide$sic_change, wide$category)
oneway("warpbreaks tension", warpbreaks$breaks, warpbreaks$tension)

# ---- Crosstabs: chi-squared, likelihood ratio, Fisher, McNemar, Cramér's V --------
# fisher.test's conditional MLE and interval solved to 1e-14 (fisher.test
# itself stops near 1e-4): the noncentral hypergeometric of the (1,1) cell.
fisher_exact_roots <- function(x, conf = 0.95) {
  m <- sum(x[, 1]); n <- sum(x[, 2]); k <- sum(x[1, ]); x <- x[1, 1]
  lo <- max(0, k - n); hi <- min(k, m); s <- lo:hi
  ld <- dhyper(s, m, n, k, log = TRUE)
  dn <- function(psi) { d <- ld + log(psi) * s; d <- exp(d - max(d)); d / sum(d) }
  mn <- function(psi) sum(s * dn(psi))
  pn <- function(q, psi, upper = FALSE) sum(dn(psi)[if (upper) s >= q else s <= q])
  root <- function(f, target, increasing) {
    a1 <- f(1); if (a1 == target) return(1)
    if ((increasing && a1 > target) || (!increasing && a1 < target))
      uniroot(function(t) f(t) - target, c(1e-300, 1), tol = 1e-15)$root
    else 1 / uniroot(function(t) f(1 / t) - target, c(.Machine$double.eps, 1), tol = 1e-15)$root
  }
  est <- if (x == lo) 0 else if (x == hi) Inf else root(mn, x, TRUE)
  alpha <- (1 - conf) / 2
  low <- if (x == lo) 0 else root(function(t) pn(x, t, TRUE), alpha, TRUE)
  high <- if (x == hi) Inf else root(function(t) pn(x, t, FALSE), alpha, FALSE)
  c(est, low, high)
}

crosstab <- function(name, x, mcnemar = FALSE) {
  x <- as.matrix(x)
  e <- list()
  cs <- suppressWarnings(chisq.test(x, correct = FALSE))
  e$chi2 <- num(cs$statistic); e$df <- num(cs$parameter); e$p <- num(cs$p.value)
  e$expected <- num(as.vector(t(cs$expected)))
  if (all(dim(x) == 2)) {
    y <- suppressWarnings(chisq.test(x, correct = TRUE))
    e$yates <- num(y$statistic); e$yates_p <- num(y$p.value)
  }
  E <- cs$expected
  g2 <- 2 * sum(ifelse(x > 0, x * log(x / E), 0))
  e$g2 <- num(g2); e$g2_p <- num(pchisq(g2, cs$parameter, lower.tail = FALSE))
  e$cramers_v <- num(sqrt(cs$statistic / (sum(x) * (min(dim(x)) - 1))))
  f <- fisher.test(x, workspace = 2e8)
  if (all(dim(x) == 2)) {
    ex <- fisher_exact_roots(x)
    e$fisher_or_exact <- num(ex[1]); e$fisher_low_exact <- num(ex[2]); e$fisher_high_exact <- num(ex[3])
  }
  e$fisher_p <- num(f$p.value)
  if (all(dim(x) == 2)) {
    e$fisher_or <- num(f$estimate); e$fisher_low <- num(f$conf.int[1]); e$fisher_high <- num(f$conf.int[2])
    e$fisher_less <- num(fisher.test(x, alternative = "less")$p.value)
    e$fisher_greater <- num(fisher.test(x, alternative = "greater")$p.value)
  }
  if (mcnemar) {
    m <- mcnemar.test(x); e$mcnemar <- num(m$statistic); e$mcnemar_df <- num(m$parameter); e$mcnemar_p <- num(m$p.value)
    if (all(dim(x) == 2)) {
      u <- mcnemar.test(x, correct = FALSE); e$mcnemar_uncorrected <- num(u$statistic); e$mcnemar_uncorrected_p <- num(u$p.value)
      b <- x[1, 2]; cc <- x[2, 1]; e$mcnemar_exact_p <- num(binom.test(b, b + cc)$p.value)
    }
  }
  add("crosstab", name, list(counts = arr(apply(x, 1, num))), e)
}
TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2)
crosstab("TeaTasting", TeaTasting)
crosstab("Convictions", matrix(c(2, 10, 15, 3), nrow = 2))
crosstab("Job satisfaction 4 × 4", matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4))
crosstab("3 × 3 with small cells", matrix(c(3, 1, 0, 2, 4, 1, 0, 2, 5), 3, 3))
crosstab("perfect separation", matrix(c(8, 0, 0, 7), 2, 2))
crosstab("Performance (McNemar)", matrix(c(794, 86, 150, 570), nrow = 2), mcnemar = TRUE)
crosstab("McNemar small", matrix(c(10, 3, 9, 12), nrow = 2), mcnemar = TRUE)
crosstab("Bowker 3 × 3", matrix(c(20, 5, 3, 8, 30, 4, 2, 9, 25), 3, 3), mcnemar = TRUE)
crosstab("example: category by size class", table(wide$category, wide$size_class))

# ---- Reliability: Cronbach's alpha (psych::alpha on complete cases) ---------------
reliability <- function(name, items) {
  items <- items[complete.cases(items), ]
  a <- suppressWarnings(suppressMessages(psych::alpha(items, check.keys = FALSE, warnings = FALSE)))
  n <- nrow(items); k <- ncol(items); al <- a$total$raw_alpha
  lo <- 1 - (1 - al) * qf(0.975, n - 1, (n - 1) * (k - 1)); hi <- 1 - (1 - al) * qf(0.025, n - 1, (n - 1) * (k - 1))
  add("alpha", name, list(items = arr(apply(as.matrix(items), 2, num)), names = strs(colnames(items))), list(
    alpha = num(al), std_alpha = num(a$total$std.alpha), average_r = num(a$total$average_r),
    ci_low = num(lo), ci_high = num(hi), r_drop = num(a$item.stats$r.drop), alpha_drop = num(a$alpha.drop$raw_alpha),
    item_mean = num(a$item.stats$mean), item_sd = num(a$item.stats$sd)))
}
items <- wide[, c("so1_pre", "so2_pre", "so3r_pre", "pm1_pre", "pm2_pre", "pm3_pre", "fw1_pre", "fw2_pre", "fw3r_pre", "sl1_pre", "sl2_pre", "sl3r_pre")]
reliability("example: the 12 sic items at the pretest", items)
reliability("example: strategic orientation", wide[, c("so1_pre", "so2_pre", "so3r_pre")])
reliability("bfi-like: attitude", attitude[, 1:5])

# ---- Mixed ANOVA (group × time), Type III, as afex ---------------------------------
mixed <- function(name, values, group) {
  n <- nrow(values); w <- ncol(values)
  d <- data.frame(id = factor(rep(seq_len(n), each = w)), time = factor(rep(seq_len(w), n)),
                  group = factor(rep(group, each = w)), y = as.vector(t(values)))
  a <- suppressMessages(afex::aov_ez("id", "y", d, between = "group", within = "time", type = 3))
  s <- summary(a$Anova, multivariate = FALSE)
  u <- s$univariate.tests
  terms <- c("group", "time", "group:time")
  e <- list(ss = num(u[terms, "Sum Sq"]), df1 = num(u[terms, "num Df"]), ss_error = num(u[terms, "Error SS"]),
            df2 = num(u[terms, "den Df"]), f = num(u[terms, "F value"]), p = num(u[terms, "Pr(>F)"]))
  if (w > 2) {
    adj <- s$pval.adjustments
    e$gg <- num(adj[c("time", "group:time"), "GG eps"]); e$hf <- num(adj[c("time", "group:time"), "HF eps"])
    e$p_gg <- num(adj[c("time", "group:time"), "Pr(>F[GG])"]); e$p_hf <- num(adj[c("time", "group:time"), "Pr(>F[HF])"])
  }
  if (w == 2 && length(unique(group)) == 2) e$change_t <- num(t.test(values[group == sort(unique(group))[2], 2] - values[group == sort(unique(group))[2], 1],
                                       values[group == sort(unique(group))[1], 2] - values[group == sort(unique(group))[1], 1],
                                       var.equal = TRUE)$statistic)
  add("mixed", name, list(values = arr(apply(values, 1, num)), group = num(as.integer(factor(group)) - 1)), e)
}
w2 <- wide[!is.na(wide$sic_pre) & !is.na(wide$sic_post), ]
mixed("example: sic pre/post by treated", cbind(w2$sic_pre, w2$sic_post), w2$treated)
mixed("example: sic pre/post by category", cbind(w2$sic_pre, w2$sic_post), w2$category)
set.seed(21)
g <- rep(c("a", "b", "c"), c(8, 10, 7)); base <- rnorm(25, 10, 2)
v3 <- cbind(base + rnorm(25), base + 0.5 + rnorm(25, 0, 1.5) + (g == "b"), base + 1 + rnorm(25, 0, 2.5) + 2 * (g == "c"))
mixed("three groups, three waves, unequal n", v3, g)
v4 <- cbind(base, base + rnorm(25, 0.3, 0.5), base + rnorm(25, 0.6, 1), base + rnorm(25, 1, 2) + (g == "a"))
mixed("three groups, four waves", v4, g)

# ---- More cases over R's datasets ----------------------------------------------------
set.seed(2026)
ols("cars dist ~ speed", dist ~ speed, cars, test = c(1))
ols("trees Volume ~ Girth + Height", Volume ~ Girth + Height, trees, test = c(1, 2))
ols("swiss Fertility ~ .", Fertility ~ Agriculture + Examination + Education + Catholic + Infant.Mortality, swiss,
    test = c(1, 2))
ols("stackloss", stack.loss ~ Air.Flow + Water.Temp + Acid.Conc., stackloss, test = c(2, 3))
ols("airquality Ozone ~ Solar.R + Wind + Temp (complete cases)", Ozone ~ Solar.R + Wind + Temp,
    airquality[complete.cases(airquality), ], cluster = airquality$Month[complete.cases(airquality)], test = c(1, 2, 3))
ols("iris Sepal.Length ~ Petal.Length * Species", Sepal.Length ~ Petal.Length * Species, iris, test = c(4, 5))
tg <- ToothGrowth; tg$dose <- factor(tg$dose)
ols("ToothGrowth len ~ supp * dose", len ~ supp * dose, tg, test = c(4, 5))
ols("warpbreaks breaks ~ wool + tension", breaks ~ wool + tension, warpbreaks, test = c(2, 3))
ols("Puromycin rate ~ log(conc) * state", rate ~ log(conc) * state, Puromycin, test = c(3))
ols("LifeCycleSavings sr ~ pop15 + pop75 + dpi + ddpi", sr ~ pop15 + pop75 + dpi + ddpi, LifeCycleSavings,
    test = c(1, 2))
cl <- sample(1:8, 150, replace = TRUE)
ols("iris clustered in 8 groups", Sepal.Width ~ Sepal.Length + Petal.Width, iris, cluster = cl, test = c(1, 2))

for (i in 1:6) {
  nt <- sample(8:60, 1); nc <- sample(5:30, 1)
  tp <- rnorm(nt, 3.3, 0.5); cp <- rnorm(nc, 3.5, 0.45)
  did(sprintf("simulated DiD %d (%d treated, %d controls)", i, nt, nc), tp, tp + rnorm(nt, 0.25, 0.4),
      cp, cp + rnorm(nc, -0.05, 0.35))
}
for (i in 1:4) {
  n <- sample(30:90, 1); g <- sample(c("c", "t"), n, replace = TRUE); pre <- rnorm(n, 50, 10)
  ancova(sprintf("simulated ANCOVA %d (n = %d)", i, n), 10 + 0.7 * pre + 4 * (g == "t") + rnorm(n, 0, 6), pre, g, "c")
}
ancova("ChickWeight day 21 by Diet, adjusted for day 0",
       ChickWeight$weight[ChickWeight$Time == 21][match(ChickWeight$Chick[ChickWeight$Time == 0], ChickWeight$Chick[ChickWeight$Time == 21])],
       ChickWeight$weight[ChickWeight$Time == 0], ChickWeight$Diet[ChickWeight$Time == 0], "1")
oneway("chickwts feed", chickwts$weight, chickwts$feed)
oneway("iris Sepal.Width by Species", iris$Sepal.Width, iris$Species)
oneway("airquality Ozone by Month", airquality$Ozone[!is.na(airquality$Ozone)], airquality$Month[!is.na(airquality$Ozone)])
oneway("mtcars mpg by cyl", mtcars$mpg, mtcars$cyl)
oneway("ToothGrowth len by dose", ToothGrowth$len, ToothGrowth$dose)
crosstab("UCBAdmissions Admit × Gender", margin.table(UCBAdmissions, c(1, 2)))
crosstab("HairEyeColor black/brown hair × brown/blue/hazel eyes (females)", HairEyeColor[1:2, 1:3, "Female"])
crosstab("3 × 4 sparse", matrix(c(2, 4, 3, 1, 5, 2, 0, 3, 4, 2, 1, 6), 3, 4))
crosstab("2 × 3 small", matrix(c(4, 1, 2, 3, 0, 5), 2, 3))
crosstab("3 × 2 with a zero", matrix(c(5, 0, 3, 2, 6, 1), 3, 2))
crosstab("McNemar 2 × 2 balanced discordance", matrix(c(30, 6, 6, 40), 2, 2), mcnemar = TRUE)
reliability("attitude all 7", attitude)
reliability("USJudgeRatings 6 items", USJudgeRatings[, 2:7])
reliability("swiss 4 items", swiss[, c(1, 3, 4, 6)])
mixed("example: two waves, sizes", cbind(w2$sic_pre, w2$sic_post), w2$size_class)
g2 <- rep(c("x", "y"), c(12, 15)); b2 <- rnorm(27, 20, 4)
mixed("two groups, five waves", cbind(b2, b2 + rnorm(27, 1, 1), b2 + rnorm(27, 2, 2), b2 + rnorm(27, 2.5, 3) + (g2 == "y"),
                                    b2 + rnorm(27, 3, 1)), g2)

ols("mtcars mpg ~ disp + I(disp^2)", mpg ~ disp + I(disp^2), mtcars, test = c(1, 2))
ols("faithful eruptions ~ waiting", eruptions ~ waiting, faithful, test = c(1))
ols("attitude rating ~ complaints + learning + raises", rating ~ complaints + learning + raises, attitude,
    cluster = rep(1:6, 5), test = c(1, 2, 3))
ols("PlantGrowth weight ~ group, no intercept", weight ~ 0 + group, PlantGrowth, intercept = FALSE, test = c(0, 1, 2))
oneway("InsectSprays sqrt(count)", sqrt(InsectSprays$count), InsectSprays$spray)
oneway("sleep extra by group", sleep$extra, sleep$group)
crosstab("Titanic Class × Survived (adults)", apply(Titanic[, , "Adult", ], c(1, 3), sum))
mixed("example: sic by region", cbind(w2$sic_pre, w2$sic_post), w2$region)
ancova("example: qual change by treated", wide$qual_post, wide$qual_pre, wide$treated, "0")

# ---- Balance: standardized mean differences and change on baseline -----------------
balance <- function(name, treated, control, pre, post) {
  smd <- (mean(treated) - mean(control)) / sqrt((var(treated) + var(control)) / 2)
  ch <- post - pre
  add("balance", name, list(treated = num(treated), control = num(control), pre = num(pre), post = num(post)), list(
    smd = num(smd), r = num(cor(pre, ch)), slope = num(coef(lm(ch ~ pre))[[2]]), mean_change = num(mean(ch))))
}
balance("example: sic_pre, treated vs control", w2$sic_pre[w2$treated == 1], w2$sic_pre[w2$treated == 0],
        w2$sic_pre[w2$treated == 1], w2$sic_post[w2$treated == 1])
balance("mtcars mpg, manual vs automatic", mtcars$mpg[mtcars$am == 1], mtcars$mpg[mtcars$am == 0], mtcars$drat, mtcars$wt)

cat("{\"generator\": \"Tests/reference/models.R\", \"r\": \"", R.version.string, "\", \"cases\": [\n",
    paste(cases, collapse = ",\n"), "\n]}\n", sep = "")
