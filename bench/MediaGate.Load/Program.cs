using MediaGate.Load;

// eng/load.sh: the load run of issue 7 (a measurement that prints a table, not a test).
try
{
    return await new LoadRun(LoadOptions.Parse(args)).RunAsync();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}
