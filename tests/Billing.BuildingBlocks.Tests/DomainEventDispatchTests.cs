using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Tests;

/// <summary>
/// The unit of work dispatches the domain events of every aggregate the save will write. It skips
/// detecting changes before dispatching when the model's only navigations are ownerships (a cycle's
/// batch paid for a full scan of the tracker twice); these tests hold both kinds of model to it.
/// </summary>
public sealed class DomainEventDispatchTests : IDisposable
{
    private readonly TemporaryDatabase _database = new("dispatch");
    private readonly List<string> _dispatched = [];

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task An_aggregate_reached_only_through_a_navigation_has_its_events_dispatched()
    {
        await using var context = Context();
        await context.Database.EnsureCreatedAsync();
        var team = new Team { Id = "team_1" };
        context.Teams.Add(team);
        await context.SaveChangesAsync();

        await UnitOfWork(context).ExecuteAsync(
            () =>
            {
                // The new member is only reachable from the tracked team: change detection finds it.
                team.Lead = Member.Named("mem_1", "Ada");
                return Task.FromResult(0);
            },
            CancellationToken.None);

        _dispatched.ShouldBe(["Ada"]);
        await using var fresh = Context();
        (await fresh.Members.SingleAsync()).Name.ShouldBe("Ada");
    }

    [Fact]
    public async Task An_aggregate_added_to_a_model_of_ownerships_only_has_its_events_dispatched()
    {
        await using var context = _database.Context(options => new OwnedContext(options), "dispatch");
        await context.Database.EnsureCreatedAsync();

        await UnitOfWork(context).ExecuteAsync(
            () =>
            {
                context.Members.Add(Member.Named("mem_2", "Grace"));
                return Task.FromResult(0);
            },
            CancellationToken.None);

        _dispatched.ShouldBe(["Grace"]);
    }

    private UnitOfWork<TContext> UnitOfWork<TContext>(TContext context)
        where TContext : ModuleDbContext
    {
        var services = new ServiceCollection()
            .AddScoped<ServiceFactory>(provider => provider.GetService!)
            .AddScoped<IMediator, Mediator>()
            .AddSingleton<INotificationHandler<DomainEventNotification<MemberNamed>>>(new Recorder(_dispatched))
            .BuildServiceProvider();
        return new UnitOfWork<TContext>(context, services.GetRequiredService<IMediator>(), new ActiveUnitsOfWork(), new OutboxSignal());
    }

    private TeamContext Context() => _database.Context(options => new TeamContext(options), "dispatch");

    public sealed record MemberNamed(string Name, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed class Member : AggregateRoot
    {
        public string Id { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public static Member Named(string id, string name)
        {
            var member = new Member { Id = id, Name = name };
            member.Raise(new MemberNamed(name, DateTimeOffset.UnixEpoch));
            return member;
        }
    }

    public sealed class Team : AggregateRoot
    {
        public string Id { get; set; } = string.Empty;

        public Member? Lead { get; set; }
    }

    private sealed class Recorder(List<string> dispatched) : INotificationHandler<DomainEventNotification<MemberNamed>>
    {
        public Task Handle(DomainEventNotification<MemberNamed> notification, CancellationToken cancellationToken)
        {
            dispatched.Add(notification.DomainEvent.Name);
            return Task.CompletedTask;
        }
    }

    private sealed class TeamContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "dispatch";

        public DbSet<Team> Teams => Set<Team>();

        public DbSet<Member> Members => Set<Member>();

        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Member>().ToTable("members");
            modelBuilder.Entity<Team>().ToTable("teams").HasOne(team => team.Lead).WithMany().HasForeignKey("LeadId");
        }
    }

    private sealed class OwnedContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "dispatch";

        public DbSet<Member> Members => Set<Member>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Member>().ToTable("members");
    }
}
