# Reference values for meting's t-tests, effect sizes and descriptives.
#
# Regenerate (from the repository root):
#   Rscript Tests/reference/ttests.R > Tests/MetingStatsTests/Reference/ttests.json
#
# Needs base R and effectsize (Debian: r-base-core r-cran-effectsize).
# Produced with R 4.2.2 and effectsize 0.8.3; the versions are recorded in
# the output. Every number is printed with 17 significant digits, as a JSON
# string: Foundation's JSONSerialization on Linux does not round 17-digit
# numbers correctly, Swift's Double(String) does.
suppressPackageStartupMessages(library(effectsize))

num <- function(v) {
  if (length(v) == 0) return("[]")
  s <- ifelse(is.infinite(v), ifelse(v > 0, "\"Inf\"", "\"-Inf\""), sprintf("\"%.17g\"", v))
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf("\"%s\": %s", names(kv), unlist(kv)), collapse = ", "), "}")
}
str <- function(s) sprintf("\"%s\"", s)

set.seed(20261129)
cases <- list()
add <- function(name, kind, x, y = NULL, mu = 0, alternative = "two.sided", conf = 0.95) {
  tt <- switch(kind,
    one = t.test(x, mu = mu, alternative = alternative, conf.level = conf),
    paired = t.test(x, y, paired = TRUE, mu = mu, alternative = alternative, conf.level = conf),
    welch = t.test(x, y, mu = mu, alternative = alternative, conf.level = conf),
    student = t.test(x, y, var.equal = TRUE, mu = mu, alternative = alternative, conf.level = conf))
  est <- if (kind %in% c("welch", "student")) unname(tt$estimate[1] - tt$estimate[2]) else unname(tt$estimate)
  fields <- list(name = str(name), kind = str(kind), x = num(x),
    y = if (is.null(y)) "null" else num(y), mu = num(mu), alternative = str(alternative),
    conf_level = num(conf), estimate = num(est), se = num(tt$stderr),
    t = num(unname(tt$statistic)), df = num(unname(tt$parameter)), p = num(tt$p.value),
    ci_low = num(tt$conf.int[1]), ci_high = num(tt$conf.int[2]))
  if (kind == "paired") {
    fields$d_z <- num(cohens_d(x, y, paired = TRUE)$Cohens_d)
  }
  if (kind %in% c("welch", "student")) {
    fields$cohen_d <- num(cohens_d(x, y)$Cohens_d)
    fields$hedges_g <- num(hedges_g(x, y)$Hedges_g)
  }
  cases[[length(cases) + 1]] <<- do.call(obj, fields)
}

sx <- sleep$extra[sleep$group == 1]; sy <- sleep$extra[sleep$group == 2]
add("sleep paired", "paired", sx, sy)
add("sleep paired, greater, 90%", "paired", sy, sx, alternative = "greater", conf = 0.90)
add("sleep welch", "welch", sx, sy)
add("sleep student", "student", sx, sy)
add("mtcars mpg by am, welch", "welch", mtcars$mpg[mtcars$am == 0], mtcars$mpg[mtcars$am == 1])
add("mtcars mpg by am, student, less", "student", mtcars$mpg[mtcars$am == 0],
    mtcars$mpg[mtcars$am == 1], alternative = "less")
add("ToothGrowth len by supp, welch", "welch", ToothGrowth$len[ToothGrowth$supp == "OJ"],
    ToothGrowth$len[ToothGrowth$supp == "VC"])
add("iris sepal length setosa vs versicolor, student 99%", "student",
    iris$Sepal.Length[iris$Species == "setosa"], iris$Sepal.Length[iris$Species == "versicolor"],
    conf = 0.99)
add("PlantGrowth ctrl vs trt1, welch, mu = 0.2", "welch", PlantGrowth$weight[PlantGrowth$group == "ctrl"],
    PlantGrowth$weight[PlantGrowth$group == "trt1"], mu = 0.2)
treated <- round(rnorm(71, 3.5, 0.55), 4); control <- round(rnorm(23, 3.3, 0.4), 4)
add("71 treated vs 23 controls, welch", "welch", treated, control)
add("71 treated vs 23 controls, student", "student", treated, control)
add("71 treated vs 23 controls, welch, greater", "welch", treated, control, alternative = "greater")
pre <- round(rnorm(40, 3.4, 0.5), 3); post <- round(pre + rnorm(40, 0.15, 0.3), 3)
add("40 firms pre vs post, paired", "paired", post, pre)
add("40 firms pre vs post, paired, less, mu = 0.1", "paired", post, pre, mu = 0.1, alternative = "less")
add("one sample sleep group 1, mu = 0", "one", sx)
add("one sample national reference 3.15", "one", treated, mu = 3.15)
add("one sample, less, 80%", "one", control, mu = 3.5, alternative = "less", conf = 0.8)
big <- rnorm(500, 100, 15)
add("large values, welch", "welch", big + 1e6, rnorm(300, 101, 20) + 1e6)
add("two tiny groups, student", "student", c(1.1, 2.3), c(3.2, 4.8, 5.1))
add("extreme t, paired", "paired", 1:30 + rnorm(30, 0, 0.01), 1:30)

desc <- list()
adddesc <- function(name, x) {
  s <- sort(x)
  desc[[length(desc) + 1]] <<- obj(name = str(name), x = num(x), n = num(length(x)),
    mean = num(mean(x)), sd = num(sd(x)), se = num(sd(x) / sqrt(length(x))),
    ci_low = num(t.test(x)$conf.int[1]), ci_high = num(t.test(x)$conf.int[2]),
    q7 = num(unname(quantile(x, c(0, 0.05, 0.25, 0.5, 0.75, 0.95, 1), type = 7))),
    q6 = num(unname(quantile(x, c(0, 0.05, 0.25, 0.5, 0.75, 0.95, 1), type = 6))))
}
adddesc("sleep extra", sleep$extra)
adddesc("mtcars mpg", mtcars$mpg)
adddesc("treated", treated)
adddesc("ten integers", c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3))
adddesc("two values", c(2.5, 7))

cat("{\n")
cat(sprintf("\"generator\": \"Tests/reference/ttests.R\",\n\"r_version\": \"%s\",\n\"effectsize_version\": \"%s\",\n",
  R.version.string, as.character(packageVersion("effectsize"))))
cat("\"ttests\": [\n", paste(unlist(cases), collapse = ",\n"), "\n],\n")
cat("\"descriptives\": [\n", paste(unlist(desc), collapse = ",\n"), "\n]\n}\n")
