// Every type here breaks (or, where named "Conforming", keeps) one rule of ARCHITECTURE.md, in the
// namespaces the rules select. ViolationProofTests feeds this assembly to each rule and expects the
// offenders named, the conforming types not. The types are never used at run time.
#pragma warning disable CS0169, CS0649, CA1812 // fields and types exist only to be read as metadata

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Billing.Customers.Domain.Planted
{
    /// <summary>Rule 1 broken: a domain type that uses EF Core.</summary>
    public sealed class CustomerWithDbContext
    {
        private DbContext? _context;
    }

    /// <summary>Rule 1 kept: the BCL only.</summary>
    public sealed class ConformingValue
    {
        private string? _name;
    }
}

namespace Billing.Customers.Application.Planted
{
    /// <summary>Rule 2 broken: an application type that uses its own Infrastructure.</summary>
    internal sealed class HandlerUsingInfrastructure
    {
        private Billing.Customers.Infrastructure.Planted.CustomersContext? _context;
    }

    /// <summary>A request of the Customers module: what its Web may use.</summary>
    public sealed record ConformingQuery(string Id) : IRequest<int>;

    /// <summary>Rule 7 broken: a public handler.</summary>
    public sealed class PublicHandler : IRequestHandler<ConformingQuery, int>
    {
        public Task<int> Handle(ConformingQuery request, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    /// <summary>Rule 7 broken: a validator that is not sealed.</summary>
    internal class UnsealedValidator : AbstractValidator<ConformingQuery>;

    /// <summary>Rule 6 broken: a module that uses another module's Domain.</summary>
    internal sealed class HandlerUsingInvoicingDomain
    {
        private Billing.Invoicing.Domain.Planted.Invoice? _invoice;
    }
}

namespace Billing.Customers.Infrastructure.Planted
{
    /// <summary>Rule 7 broken: a public DbContext.</summary>
    public sealed class CustomersContext(DbContextOptions options) : DbContext(options);

    /// <summary>Rule 3 (and 6) broken: Infrastructure that uses another module's Infrastructure.</summary>
    internal sealed class RepositoryUsingMetering
    {
        private Billing.Metering.Infrastructure.Planted.MeteringContext? _metering;
    }

    /// <summary>Rule 3 broken: Infrastructure that uses its own Web.</summary>
    internal sealed class ServiceUsingWeb
    {
        private Billing.Customers.Web.Planted.EndpointsSendingARequest? _endpoints;
    }

    /// <summary>Rule 7 broken: public, and not a registration entry point.</summary>
    public sealed class PublicRepository;

    /// <summary>Rule 7 kept: a registration entry point (a static class of extension methods).</summary>
    public static class ConformingModule
    {
        public const string Name = "Customers";

        public static IServiceProvider UsePlanted(this IServiceProvider services) => services;
    }
}

namespace Billing.Customers.Infrastructure.Persistence.Planted
{
    /// <summary>Rule 10 broken: SQLite's types outside a Sqlite folder.</summary>
    internal sealed class RepositoryOpeningSqlite
    {
        private Microsoft.Data.Sqlite.SqliteConnection? _connection;
    }
}

namespace Billing.Customers.Infrastructure.Persistence.Sqlite
{
    /// <summary>Rule 10 kept: SQLite's types in the SQLite adapter's folder.</summary>
    internal sealed class ConformingSqliteReader
    {
        private Microsoft.Data.Sqlite.SqliteConnection? _connection;
    }
}

namespace Billing.Customers.Infrastructure.Persistence.Postgres
{
    /// <summary>Rule 10 broken: the PostgreSQL adapter's folder using SQLite's types.</summary>
    internal sealed class PostgresReaderOnSqlite
    {
        private Microsoft.Data.Sqlite.SqliteConnection? _connection;
    }
}

namespace Billing.Customers.Application.Sqlite
{
    /// <summary>Rule 10 broken: a provider folder outside Infrastructure.</summary>
    internal sealed class MisplacedSqlite;
}

namespace Billing.Customers.Web.Planted
{
    /// <summary>Rule 4 broken: an endpoint that uses the Domain.</summary>
    internal static class EndpointsUsingDomain
    {
        private static Billing.Customers.Domain.Planted.ConformingValue? _value;
    }

    /// <summary>Rule 4 broken: an endpoint that uses an Application type that is not a request (a handler).</summary>
    internal static class EndpointsUsingAHandler
    {
        private static Billing.Customers.Application.Planted.PublicHandler? _handler;
    }

    /// <summary>Rule 4 broken: an endpoint that sends another module's request.</summary>
    internal static class EndpointsSendingInvoicingRequest
    {
        private static Billing.Invoicing.Contracts.Planted.InvoicingQuery? _query;
    }

    /// <summary>Rule 4 kept: its module's request, its Contracts, MediatR.</summary>
    internal sealed class EndpointsSendingARequest(IMediator sender)
    {
        public Task<int> Send(Billing.Customers.Contracts.Planted.CustomerDto customer) => sender.Send(new Billing.Customers.Application.Planted.ConformingQuery(customer.Id));
    }
}

namespace Billing.Customers.Contracts.Planted
{
    /// <summary>Rule 5 kept.</summary>
    public sealed record CustomerDto(string Id);

    /// <summary>Rule 5 broken: a contract that exposes a domain type.</summary>
    public sealed record DtoWithDomain(Billing.Customers.Domain.Planted.ConformingValue Value);
}

namespace Billing.Invoicing.Domain.Planted
{
    public sealed class Invoice;
}

namespace Billing.Invoicing.Contracts.Planted
{
    public sealed record InvoicingQuery : IRequest<int>;
}

namespace Billing.Metering.Infrastructure.Planted
{
    internal sealed class MeteringContext;
}

namespace Billing.Metering.Contracts.Planted
{
    public sealed record MeteringQuery : IRequest<int>;
}

namespace Billing.Payments.Contracts.Planted
{
    public sealed record PaymentsQuery : IRequest<int>;
}

namespace Billing.Metering.Application.Planted
{
    /// <summary>Rule 9 broken, with Billing.Payments.Application.Planted.AsksMetering: Metering and Payments need each other.</summary>
    internal sealed class AsksPayments
    {
        private Billing.Payments.Contracts.Planted.PaymentsQuery? _query;
    }
}

namespace Billing.Payments.Application.Planted
{
    internal sealed class AsksMetering
    {
        private Billing.Metering.Contracts.Planted.MeteringQuery? _query;
    }
}

namespace Billing.BuildingBlocks.Infrastructure.Planted
{
    /// <summary>Rule 6 broken: a building block that knows a module.</summary>
    internal sealed class OutboxKnowingCustomers
    {
        private Billing.Customers.Infrastructure.Planted.CustomersContext? _context;
    }
}

namespace Billing.Host.Planted
{
    /// <summary>Rule 11 broken: the host uses a module's Contracts.</summary>
    internal sealed class StartupUsingContracts
    {
        private Billing.Customers.Contracts.Planted.CustomerDto? _customer;
    }

    /// <summary>Rule 11 kept: the host calls a registration entry point.</summary>
    internal static class ConformingStartup
    {
        public static IServiceProvider Start(IServiceProvider services) => Billing.Customers.Infrastructure.Planted.ConformingModule.UsePlanted(services);
    }
}
