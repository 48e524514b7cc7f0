using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Billing.Host.Tests.Support;

/// <summary>Keeps every structured log entry with its named values, so tests can read what was logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, object?>> _entries = new();

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                logs._entries.Enqueue(values.ToDictionary(pair => pair.Key, pair => pair.Value));
            }
        }
    }
}
