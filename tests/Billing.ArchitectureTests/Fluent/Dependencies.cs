using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Billing.ArchitectureTests.Fluent;

/// <summary>One type this type uses, and the assembly that type lives in.</summary>
public sealed record Dependency(string Assembly, string Type);

/// <summary>
/// Everything a type uses, read from its metadata and IL: base type, interfaces, attributes,
/// fields, properties, events, signatures, locals, and every type, method and field its code
/// touches. Compiler-generated nested types (lambdas, async state machines) count for their owner.
/// </summary>
public static class Dependencies
{
    public static IReadOnlySet<Dependency> Of(TypeDefinition type)
    {
        var found = new HashSet<Dependency>();
        Collect(type, found);
        return found;
    }

    private static void Collect(TypeDefinition type, HashSet<Dependency> found)
    {
        Add(type.BaseType, found);
        foreach (var contract in type.Interfaces)
        {
            Add(contract.InterfaceType, found);
        }

        Attributes(type.CustomAttributes, found);
        GenericConstraints(type.GenericParameters, found);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType, found);
            Attributes(field.CustomAttributes, found);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, found);
            Attributes(property.CustomAttributes, found);
        }

        foreach (var @event in type.Events)
        {
            Add(@event.EventType, found);
        }

        foreach (var method in type.Methods)
        {
            Method(method, found);
        }

        foreach (var nested in type.NestedTypes)
        {
            Collect(nested, found);
        }
    }

    private static void Method(MethodDefinition method, HashSet<Dependency> found)
    {
        Add(method.ReturnType, found);
        Attributes(method.CustomAttributes, found);
        GenericConstraints(method.GenericParameters, found);
        foreach (var parameter in method.Parameters)
        {
            Add(parameter.ParameterType, found);
        }

        if (!method.HasBody)
        {
            return;
        }

        foreach (var variable in method.Body.Variables)
        {
            Add(variable.VariableType, found);
        }

        foreach (var handler in method.Body.ExceptionHandlers.Where(handler => handler.CatchType is not null))
        {
            Add(handler.CatchType, found);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference typeReference:
                    Add(typeReference, found);
                    break;
                case MethodReference methodReference:
                    MethodReference(methodReference, found);
                    break;
                case FieldReference fieldReference:
                    Add(fieldReference.DeclaringType, found);
                    Add(fieldReference.FieldType, found);
                    break;
                case CallSite callSite:
                    Add(callSite.ReturnType, found);
                    break;
            }
        }
    }

    private static void MethodReference(MethodReference method, HashSet<Dependency> found)
    {
        Add(method.DeclaringType, found);
        Add(method.ReturnType, found);
        foreach (var parameter in method.Parameters)
        {
            Add(parameter.ParameterType, found);
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Add(argument, found);
            }
        }
    }

    private static void Attributes(IEnumerable<CustomAttribute> attributes, HashSet<Dependency> found)
    {
        foreach (var attribute in attributes)
        {
            Add(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments.Where(argument => argument.Value is TypeReference))
            {
                Add((TypeReference)argument.Value, found);
            }
        }
    }

    private static void GenericConstraints(IEnumerable<GenericParameter> parameters, HashSet<Dependency> found)
    {
        foreach (var constraint in parameters.SelectMany(parameter => parameter.Constraints))
        {
            Add(constraint.ConstraintType, found);
        }
    }

    private static void Add(TypeReference? type, HashSet<Dependency> found)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, found);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, found);
                }

                return;
            case IModifierType modified:
                Add(modified.ModifierType, found);
                Add(((TypeSpecification)type).ElementType, found);
                return;
            case TypeSpecification specification:
                Add(specification.ElementType, found);
                return;
        }

        var outermost = type;
        while (outermost.DeclaringType is not null)
        {
            outermost = outermost.DeclaringType;
        }

        var assembly = outermost.Scope switch
        {
            AssemblyNameReference reference => reference.Name,
            ModuleDefinition module => module.Assembly.Name.Name,
            _ => outermost.Scope?.Name ?? "?",
        };
        found.Add(new Dependency(assembly, type.FullName));
    }
}
