namespace Billing.Host.Tests.Support;

/// <summary>
/// Tests that run several host processes on one database at once, each busy with a cycle of
/// thousands of invoices. They take turns: side by side on two cores, a host started by one of them
/// could wait more than its minute to answer while the other's three hosts held the cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SeveralHostProcesses
{
    public const string Name = "Several host processes";
}
