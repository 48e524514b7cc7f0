using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Billing.Host.Tests.Support;

/// <summary>
/// Keeps every structured log entry with its named values, so tests can read what was logged; each
/// entry also carries <see cref="Level"/>, <see cref="Category"/> and <see cref="Exception"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public const string Level = "@Level";

    public const string Category = "@Category";

    public const string Exception = "@Exception";

    private readonly ConcurrentQueue<IReadOnlyDictionary<string, object?>> _entries = new();

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                var entry = values.ToDictionary(pair => pair.Key, pair => pair.Value);
                entry[Level] = logLevel;
                entry[Category] = category;
                entry[Exception] = exception;
                logs._entries.Enqueue(entry);
            }
        }
    }
}
