namespace Billing.Invoicing.Domain.Plans;

/// <summary>PLN-2: how a usage quantity becomes an amount.</summary>
internal enum ChargeModel
{
    /// <summary>Every billable unit at one price.</summary>
    PerUnit,

    /// <summary>Each tier prices the units that fall in it.</summary>
    Graduated,

    /// <summary>The tier the whole quantity reaches prices every unit.</summary>
    Volume,

    /// <summary>A price per started block of N units.</summary>
    Package,
}
