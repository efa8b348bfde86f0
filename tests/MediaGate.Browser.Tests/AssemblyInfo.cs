// Each test class starts its own service and browser context; two at a time keeps the two CI cores busy without
// starving the servers' workers or Chromium.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
