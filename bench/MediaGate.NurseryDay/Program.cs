using MediaGate.NurseryDay;

// eng/day.sh: the nursery day of issue 12 (a measurement that prints Markdown, not a test).
try
{
    return await new DayRun(DayOptions.Parse(args)).RunAsync();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}
