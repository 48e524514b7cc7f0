using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>
/// INV-7 and docs-adr/0039: the next invoice number of the caller's environment, taken from a
/// counter row in the same statement that advances it (an upsert with <c>RETURNING</c>, which
/// SQLite and PostgreSQL both speak). Two finalizing transactions, in one process or several, block
/// on the row rather than both reading the same <c>MAX + 1</c>; a transaction that rolls back takes
/// its numbers back with it, so the numbers stay gap-free.
/// </summary>
internal static class InvoiceNumbers
{
    private const string Advance =
        $"""
        INSERT INTO {InvoiceNumberCounter.Table} (id, environment, last) VALUES (@environment, @environment, 1)
        ON CONFLICT (id) DO UPDATE SET last = {InvoiceNumberCounter.Table}.last + 1
        RETURNING last
        """;

    public static async Task<long> NextAsync(DbContext context, ICallerContext caller, CancellationToken cancellationToken)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("An invoice number is given only inside the transaction that finalizes the invoice.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Advance;
        var environment = command.CreateParameter();
        environment.ParameterName = "@environment";
        environment.Value = caller.Environment.ToWireName();
        command.Parameters.Add(environment);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
