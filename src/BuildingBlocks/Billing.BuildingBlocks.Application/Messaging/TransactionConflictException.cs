namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>
/// The database refused to serialize a command's transaction with another that changed what it read
/// (docs-adr/0045). Nothing of the command was kept; it may run again from the start.
/// </summary>
public sealed class TransactionConflictException(Exception conflict)
    : Exception("Another transaction changed what this command read; it may run again.", conflict);
