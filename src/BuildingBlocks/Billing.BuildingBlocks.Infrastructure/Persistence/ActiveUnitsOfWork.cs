namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The module contexts whose units of work are running in this scope, innermost last. The outbox
/// and the audit trail write into the innermost one, so what a command records always commits
/// with that command.
/// </summary>
internal sealed class ActiveUnitsOfWork
{
    private readonly Stack<ModuleDbContext> _contexts = new();

    public void Push(ModuleDbContext context) => _contexts.Push(context);

    public void Pop() => _contexts.Pop();

    public ModuleDbContext Current(string purpose) =>
        _contexts.TryPeek(out var context)
            ? context
            : throw new InvalidOperationException($"Cannot {purpose} outside a command: only command handlers and the domain event handlers they trigger may do that.");
}
