// Classes run in parallel (each test makes its own database and stores); two workers on the shared two cores.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
