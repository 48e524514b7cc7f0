using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// One statement of a save (docs-adr/0026), prepared once and run for many rows, with a parameter
/// per column made by EF Core's type mapping for it, and values through its converter: a value is
/// bound exactly as EF Core binds it.
/// </summary>
internal sealed class SaveCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly RelationalTypeMapping[] _mappings;

    public SaveCommand(SqliteTransaction transaction, string sql, IReadOnlyList<IProperty> columns)
    {
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _mappings = columns.Select(column => (RelationalTypeMapping)column.GetTypeMapping()).ToArray();
        _parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _parameters[i] = (SqliteParameter)_mappings[i].CreateParameter(_command, $"$p{i}", null, columns[i].IsNullable);
            _command.Parameters.Add(_parameters[i]);
        }

        _command.Prepare();
    }

    /// <summary>The value of parameter <c>$p{index}</c>, as the model holds it.</summary>
    public void Set(int index, object? value) =>
        _parameters[index].Value = (value is not null && _mappings[index].Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    /// <summary>Runs the statement with the values set; answers how many rows it changed.</summary>
    public int Execute() => _command.ExecuteNonQuery();

    public void Dispose() => _command.Dispose();
}
