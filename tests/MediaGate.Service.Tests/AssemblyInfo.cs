// Each test class starts its own service processes; two classes at a time keeps the two CI cores busy
// without starving the servers' workers.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
