using FluentValidation;
using FluentValidation.Results;

namespace Billing.BuildingBlocks.Application.Validation;

/// <summary>A 400 naming one field, for what only a handler can check (the field names a record that does not exist).</summary>
public static class FieldError
{
    public static ValidationException For(string field, string message) => new([new ValidationFailure(field, message)]);
}
