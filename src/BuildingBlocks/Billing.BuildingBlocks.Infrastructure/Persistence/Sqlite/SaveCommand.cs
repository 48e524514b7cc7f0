using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// One statement of a save (docs-adr/0026), prepared once and run for many rows, each column bound
/// by position in the form EF Core stores it (<see cref="StoredForm"/>, docs-adr/0028). Microsoft.Data.Sqlite
/// looks every named parameter up again on each execution, which took over half of each insert's time.
/// </summary>
internal sealed class SaveCommand : IDisposable
{
    private readonly PreparedStatement _statement;
    private readonly StoredForm[] _forms;

    /// <param name="sql">Parameters numbered in column order: <c>?1</c> is <paramref name="columns"/>[0].</param>
    public SaveCommand(SqliteTransaction transaction, string sql, IReadOnlyList<IProperty> columns)
    {
        _forms = columns
            .Select(column => StoredForm.Of(column) ?? throw new InvalidOperationException($"{column.Name} has no stored form; its table is left to EF Core."))
            .ToArray();
        _statement = new PreparedStatement(transaction.Connection!, sql);
    }

    /// <summary>The value of the column at <paramref name="index"/>, as the model holds it.</summary>
    public void Set(int index, object? value) => _forms[index].Bind(_statement, index + 1, value);

    /// <summary>Runs the statement with the values set; answers how many rows it changed.</summary>
    public int Execute() => _statement.Execute();

    public void Dispose() => _statement.Dispose();
}
