/// Model files written by hand, for `info` and for error paths.
enum ModelFixtures {
    /// A 3-feature diagonal model with feature weights (b 3, a 0.5, c 0), stored largest first.
    static let weighted = """
        {
          "components" : { "columns" : 3, "rows" : 3, "values" : [0.5, 0, 0, 0, 3, 0, 0, 0, 0] },
          "configuration" : { "name" : "whitening", "parameters" : { "mode" : "total", "relativeTolerance" : 1e-10,
                                                                     "shrinkage" : { "none" : { } } } },
          "featureNames" : [ "a", "b", "c" ],
          "featureWeights" : [ { "feature" : "b", "weight" : 3 }, { "feature" : "a", "weight" : 0.5 },
                               { "feature" : "c", "weight" : 0 } ],
          "formatVersion" : 1,
          "learner" : "whitening",
          "report" : { "details" : { }, "didConverge" : true, "fitSeconds" : 0.5, "iterations" : 0,
                       "objectiveHistory" : [ ] }
        }
        """
}

extension ModelFixtures {
    /// A model on features x, y whose metric ignores y: L = [[1, 0], [0, 0]].
    static let ignoresY = """
        {
          "components" : { "columns" : 2, "rows" : 2, "values" : [1, 0, 0, 0] },
          "configuration" : { "name" : "whitening", "parameters" : { "mode" : "total", "relativeTolerance" : 1e-10,
                                                                     "shrinkage" : { "none" : { } } } },
          "featureNames" : [ "x", "y" ],
          "formatVersion" : 1,
          "learner" : "whitening",
          "report" : { "details" : { }, "didConverge" : true, "fitSeconds" : 0, "iterations" : 0, "objectiveHistory" : [ ] }
        }
        """
}
