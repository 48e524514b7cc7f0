using System.Data.Common;
using System.Globalization;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>
/// INV-7 and docs-adr/0039: the next invoice number of the caller's environment, taken from a
/// counter row in the same statement that advances it (an upsert with <c>RETURNING</c>, which
/// SQLite and PostgreSQL both speak). Two finalizing transactions, in one process or several, block
/// on the row rather than both reading the same <c>MAX + 1</c>; a transaction that rolls back takes
/// its numbers back with it, so the numbers stay gap-free. A cycle's batch numbers hundreds of
/// invoices in one transaction, so the statement is made once per transaction and run again.
/// </summary>
internal sealed class InvoiceNumbers : IDisposable
{
    private (DbTransaction Transaction, DbCommand Command)? _current;

    public async Task<long> NextAsync(DbContext context, ICallerContext caller, CancellationToken cancellationToken)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("An invoice number is given only inside the transaction that finalizes the invoice.");
        var command = CommandFor(transaction, context);
        command.Parameters[0].Value = caller.Environment.ToWireName();
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _current?.Command.Dispose();

    /// <summary>The counter's table as the provider names it (<c>invoicing_invoice_numbers</c>, <c>"invoicing"."invoice_numbers"</c>).</summary>
    private static string Advance(DbContext context)
    {
        var counter = context.Model.FindEntityType(typeof(InvoiceNumberCounter))!;
        var table = context.GetService<ISqlGenerationHelper>().DelimitIdentifier(counter.GetTableName()!, counter.GetSchema());
        return $"""
            INSERT INTO {table} (id, environment, last) VALUES (@environment, @environment, 1)
            ON CONFLICT (id) DO UPDATE SET last = {table}.last + 1
            RETURNING last
            """;
    }

    private DbCommand CommandFor(DbTransaction transaction, DbContext context)
    {
        if (_current is { } current && current.Transaction == transaction)
        {
            return current.Command;
        }

        _current?.Command.Dispose();
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Advance(context);
        var environment = command.CreateParameter();
        environment.ParameterName = "@environment";
        command.Parameters.Add(environment);
        _current = (transaction, command);
        return command;
    }
}
