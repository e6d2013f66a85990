/// The catalogue entries of the models and evaluation designs.
extension CommandCatalogue {
  /// Options every least-squares command shares.
  static let standardErrorOptions: [OptionSpec] = [
    OptionSpec("se", .word(["classical", "hc0", "hc1", "hc2", "hc3"]), "standard errors (default classical)"),
    OptionSpec("robust", .none, "HC1 standard errors, as Stata's robust"),
    OptionSpec("cluster", .variable(.any), "cluster-robust (CR1) standard errors by this variable"),
    OptionSpec("level", .number, "confidence level (default 0.95)"),
  ]

  static let models: [CommandSpec] = [
    CommandSpec(
      name: "balance", topic: .models, syntax: .variables(min: 1, max: nil, kind: .any),
      synopsis: "balance VARS, group(G) [reference(LEVEL) pre(PRE) post(POST)] [where COND]",
      summary: "baseline balance (standardized mean differences) and the regression-to-the-mean check",
      discussion: """
        For each variable the groups' means (proportions for 0/1 variables and for each category of
        a text variable) and the standardized mean difference with the pooled SD √((s₁² + s₀²)/2),
        flagged above 0.1 and 0.25. With pre() and post(): per group the mean change, and its
        correlation with and slope on the pretest: negative when those who start low gain most,
        the signature of regression to the mean. For long data, select the baseline with where.
        """,
      variant: "SMD with the pooled SD (Austin 2009, cobalt); flags 0.1 and 0.25",
      options: [
        OptionSpec("group", .variable(.any), "treated vs control"),
        OptionSpec("reference", .word([]), "the comparison group (default: the first of two values)"),
        OptionSpec("pre", .variable(.numeric), "the pretest, for the regression-to-the-mean check"),
        OptionSpec("post", .variable(.numeric), "the posttest, for the regression-to-the-mean check"),
      ],
      examples: [
        "balance sic_pre fte size_class sector, group(treated)",
        "balance sic_pre, group(treated) pre(sic_pre) post(sic_post)",
      ],
      acceptsCondition: true),
    CommandSpec(
      name: "mixed", aliases: ["rmanova"], topic: .models, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "mixed VAR, time(WAVE) id(UNIT) group(G) | mixed V1 V2 …, group(G)  [where COND]",
      summary: "mixed ANOVA: group (between) × time (within), partial η², GG/HF corrections",
      discussion: """
        Long layout: one variable with time() (two or more waves) and id(); wide: one variable
        per wave, in time order. Units measured at every wave are used. Type III tests as SPSS
        GLM and R's afex: the group on the units' means, time and group × time against the
        unit × time residual; partial η²; beyond two waves Greenhouse–Geisser and Huynh–Feldt
        ε with their p-values. With two waves and two groups, F(group × time) equals t² of the
        change-score t-test (the DiD).
        """,
      variant: "Type III split-plot ANOVA (afex); GG and HF (car) beyond two waves",
      options: [
        OptionSpec("group", .variable(.any), "the between-units factor"),
        OptionSpec("time", .variable(.any), "the wave variable (long layout)"),
        OptionSpec("id", .variable(.any), "the unit identifier (long layout)"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
      ],
      examples: ["mixed sic, time(wave) id(firm_id) group(treated)", "mixed sic_pre sic_post, group(category)"],
      acceptsCondition: true),
    CommandSpec(
      name: "alpha", aliases: ["reliability"], topic: .models, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "alpha ITEMS [by VARS] [where COND] [, level()]",
      summary: "Cronbach's α with its interval, item–rest correlations and α if deleted",
      discussion: """
        On the rows with every item (listwise, as SPSS RELIABILITY and PSPP): α with Feldt's
        interval, standardized α, the mean inter-item correlation, and per item its mean, SD,
        corrected item–total (item–rest) correlation and α without it (psych::alpha's
        raw_alpha, std.alpha, r.drop, alpha.drop). 'scale' builds a score and prints the same.
        """,
      variant: "Cronbach's α, listwise (SPSS); Feldt interval",
      options: [OptionSpec("level", .number, "confidence level (default 0.95)")],
      examples: ["alpha so1_pre so2_pre so3r_pre", "alpha so1_pre..sl3r_pre by treated"],
      by: .subgroups, acceptsCondition: true),
    CommandSpec(
      name: "scale", topic: .models, syntax: .assignment,
      synopsis: "scale NAME = mean(ITEMS) | sum(ITEMS) [where COND] [, reverse(ITEMS) range(LO HI) min(K) replace]",
      summary: "build a scale score from Likert items and report its reliability",
      discussion: """
        NAME becomes the mean (or sum) of the items for every row with at least K valid items
        (min(K); default: all), missing otherwise; a sum with missing items is prorated (mean ×
        k). reverse(…) scores the named items as LO + HI − x, with range(LO HI) or else the
        lowest and highest answer seen. An existing NAME needs replace. Then the items'
        reliability as scored, as 'alpha', on the rows of the filter.
        """,
      variant: "mean (or prorated sum) of valid items; Cronbach's α listwise",
      options: [
        OptionSpec("reverse", .variables, "reverse-keyed items"),
        OptionSpec("range", .numbers, "the lowest and highest answer (for reverse)"),
        OptionSpec("min", .integer, "valid items a row needs (default: all)"),
        OptionSpec("replace", .none, "overwrite an existing variable"),
        OptionSpec("level", .number, "confidence level of α's interval (default 0.95)"),
      ],
      examples: ["scale so = mean(so1_pre so2_pre so3r_pre), min(2)", "scale att = mean(a1..a6), reverse(a3 a5) range(1 5)"],
      acceptsCondition: true),
    CommandSpec(
      name: "crosstab", aliases: ["crosstabs", "tab2"], topic: .models, syntax: .variables(min: 2, max: 2, kind: .any),
      synopsis: "crosstab ROW COL [where COND] [, row col total expected exact mcnemar]",
      summary: "a two-way table of counts with χ², Fisher's exact, McNemar and Cramér's V",
      discussion: """
        Counts of ROW by COL (rows with either missing are left out), with row, column or total
        percentages and expected counts on request. Tests: Pearson's χ²; for 2 × 2 tables also
        Yates's continuity-corrected χ² (R's chisq.test default) and Fisher's exact test with the
        conditional odds ratio (R's fisher.test); the likelihood ratio G² (SPSS); Cramér's V.
        exact: Fisher's test of an r × c table (network algorithm, R's tie tolerance).
        mcnemar: the paired test of a square table (before × after): corrected, uncorrected
        and exact binomial for 2 × 2, Bowker's symmetry test beyond. A note warns when
        expected counts are small.
        """,
      variant: "Pearson χ² (+ Yates for 2 × 2, as R), G², Fisher exact as R, McNemar as R",
      options: [
        OptionSpec("row", .none, "row percentages"), OptionSpec("col", .none, "column percentages"),
        OptionSpec("total", .none, "percentages of the total"), OptionSpec("expected", .none, "expected counts"),
        OptionSpec("exact", .none, "Fisher's exact test of an r × c table"),
        OptionSpec("mcnemar", .none, "McNemar's (or Bowker's) paired test of a square table"),
      ],
      examples: ["crosstab category size_class where wave == 0", "crosstab treated region, col exact"],
      acceptsCondition: true),
    CommandSpec(
      name: "anova", aliases: ["oneway"], topic: .models, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "anova VAR by GROUP [where COND] [, posthoc(tukey|gameshowell|none) level()]",
      summary: "one-way ANOVA with Welch's F, Levene's tests and post hoc comparisons",
      discussion: """
        The ANOVA table (classical F, equal variances) with η²; Welch's F for unequal
        variances (R oneway.test); Levene's test centred on the mean (SPSS) and on the median
        (Brown–Forsythe; car::leveneTest's default); and every pair of groups by Tukey HSD
        (Tukey–Kramer for unequal n) or, with posthoc(gameshowell), Games–Howell. Pairs are
        printed as later − earlier group, as R's TukeyHSD.
        """,
      variant: "classical and Welch F; Levene mean and median; Tukey HSD (default) or Games–Howell",
      options: [
        OptionSpec("posthoc", .word(["tukey", "gameshowell", "none"]), "pairwise comparisons (default tukey)"),
        OptionSpec("level", .number, "confidence level of the pairwise intervals (default 0.95)"),
      ],
      examples: ["anova sic_change by category", "anova sic_change by category, posthoc(gameshowell)"],
      by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "regress", aliases: ["regression", "lm", "ols"], topic: .models, syntax: .formula,
      synopsis: "regress Y ~ X + G + X:G [where COND] [, se(hc3) robust cluster(VAR) base(VAR LEVEL) factor(VARS) level()]",
      summary: "linear regression by least squares (formula, factors, interactions, robust SE)",
      discussion: """
        Terms: variables, ranges (so1..so3), interactions x:g, and x*g for x + g + x:g;
        '- 1' or '0 +' drops the intercept. Text variables, and numbers named in factor(),
        are factors with treatment (dummy) coding against the first level; base(category none)
        chooses another. Rows missing any variable of the model are left out. Fitted by a
        pivoted Householder QR (LAPACK), refined to the least-squares solution of the data
        as stored; a column that is a linear combination of earlier ones is aliased (no
        coefficient, NA in R). Standard errors: classical; hc0–hc3 (sandwich's vcovHC;
        robust = hc1 = Stata's robust); cluster(VAR) is CR1 with Stata's small-sample factor
        G/(G−1)·(n−1)/(n−k) and t on G − 1 df, as Stata's vce(cluster).
        """,
      variant: "OLS as R lm (QR); t on n − k df; cluster: CR1 with t(G − 1), as Stata",
      options: standardErrorOptions + [
        OptionSpec("base", .words("VAR LEVEL …"), "reference levels of factors"),
        OptionSpec("factor", .variables, "numeric variables to treat as factors"),
      ],
      examples: [
        "regress sic_post ~ sic_pre + treated", "regress sic ~ treated * wave, cluster(firm_id)",
        "regress sic_post ~ sic_pre + category, base(category none) se(hc3)",
      ],
      acceptsCondition: true),
    CommandSpec(
      name: "did", topic: .models, syntax: .variables(min: 1, max: 2, kind: .numeric),
      synopsis: "did VAR, time(WAVE) id(UNIT) group(G) | did PRE POST, group(G)  [, reference(LEVEL) level() adjust()]",
      summary: "difference-in-differences: 2×2 means, regression with clustered SE, change scores",
      discussion: """
        Long layout: one variable with time() (two waves) and id(); wide layout: the pretest
        and posttest variables, in that order. Units measured at both waves are used (a
        balanced panel; others are counted as dropped). Prints the means of each group at
        each wave with the arithmetic (T_post − T_pre) − (C_post − C_pre); the regression
        y ~ treated × post on the unit-waves with CR1 errors clustered by unit and t on
        G − 1 df (Stata's regress …, vce(cluster id)); and the same number from change
        scores (Student's t = unit fixed effects; Welch's t). A group with more than two
        values (e.g. category) compares each with reference(…), with Holm-adjusted p.
        Two waves cannot test parallel trends; 'ancova' gives the other classic estimate.
        """,
      variant: "DiD = treated × post coefficient, CR1 by unit, t(G − 1), as Stata",
      options: [
        OptionSpec("group", .variable(.any), "treated vs control (or intervention categories)"),
        OptionSpec("time", .variable(.any), "the wave variable (long layout)"),
        OptionSpec("id", .variable(.any), "the unit identifier (long layout)"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("reference", .word([]), "the control group (default: the first of two values)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over comparisons (default holm)"),
      ],
      examples: [
        "did sic, time(wave) id(firm_id) group(treated)", "did sic_pre sic_post, group(treated)",
        "did sic, time(wave) id(firm_id) group(category) reference(none)",
      ],
      by: .subgroups, acceptsCondition: true),
    CommandSpec(
      name: "ancova", topic: .models, syntax: .variables(min: 1, max: 1, kind: .numeric),
      synopsis: "ancova POST, pre(PRE) group(G) [covariates(VARS)] | ancova VAR, time(WAVE) id(UNIT) group(G)  [, reference() se() level() adjust()]",
      summary: "ANCOVA: posttest by group adjusted for the pretest, beside the DiD",
      discussion: """
        Fits POST = b0 + b·PRE (+ covariates) + group effects by least squares (treatment
        coding against reference(…), default the first value). Prints the Type III tests with
        partial η² (as SPSS UNIANOVA), the adjusted means at the covariate means (SPSS
        /EMMEANS), the group effects beside the difference-in-differences on the same units,
        with the arithmetic of why they differ, and the homogeneity-of-slopes test (PRE ×
        group). Long layout: one variable with time() and id(), the earlier wave as the
        pretest. se(hc0…hc3)/robust change the SEs of the group effects; the F tests stay
        classical, as SPSS.
        """,
      variant: "Type III F (SPSS UNIANOVA, car::Anova type 3); treatment-coded group effects",
      options: [
        OptionSpec("pre", .variable(.numeric), "the pretest (wide layout)"),
        OptionSpec("group", .variable(.any), "treated vs control (or intervention categories)"),
        OptionSpec("covariates", .variables, "further covariates (wide layout)"),
        OptionSpec("time", .variable(.any), "the wave variable (long layout)"),
        OptionSpec("id", .variable(.any), "the unit identifier (long layout)"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("reference", .word([]), "the group the others are compared with (default: the first)"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over comparisons (default holm)"),
      ] + standardErrorOptions.filter { $0.name != "cluster" },
      examples: [
        "ancova sic_post, pre(sic_pre) group(treated)", "ancova sic, time(wave) id(firm_id) group(treated)",
        "ancova sic_post, pre(sic_pre) group(category) reference(none)",
      ],
      acceptsCondition: true),
  ]
}
