namespace Billing.Host.Tests.FakeStripe;

/// <summary>
/// The parameters Stripe accepts on the endpoints Billing calls, with their types, enum values and
/// required fields, written from Stripe's OpenAPI description (API version 2023-08-16, the subset in
/// ../shared/stripe, read as the reference and never loaded at run time), with the one change up to
/// <see cref="FakeStripeServer.ApiVersion"/> that touches a parameter Billing sends: a checkout
/// session's <c>payment_method_types</c> became <c>allowed_payment_method_types</c>. Nesting beyond
/// three levels and enums of more than 40 values are accepted loosely: Billing never sends them.
/// </summary>
internal static class StripeParameterRules
{
    /// <summary>What creating and updating a customer both take.</summary>
    private static readonly (string Name, Param Param)[] CustomerFields =
    [
        ("address", P.OrEmpty(P.Obj([("city", P.Str), ("country", P.Str), ("line1", P.Str), ("line2", P.Str), ("postal_code", P.Str), ("state", P.Str)]))),
        ("balance", P.Int),
        ("cash_balance", P.Obj([("settings", P.Obj([("reconciliation_mode", P.Enum("automatic", "manual", "merchant_default"))]))])),
        ("coupon", P.Str),
        ("description", P.Str),
        ("email", P.Str),
        ("expand", P.List(P.Str)),
        ("invoice_prefix", P.Str),
        ("invoice_settings", P.Obj([("custom_fields", P.OrEmpty(P.List(P.Any))), ("default_payment_method", P.Str), ("footer", P.Str), ("rendering_options", P.OrEmpty(P.Obj([("amount_tax_display", P.Enum("", "exclude_tax", "include_inclusive_tax"))])))])),
        ("metadata", P.OrEmpty(P.Map)),
        ("name", P.Str),
        ("next_invoice_sequence", P.Int),
        ("phone", P.Str),
        ("preferred_locales", P.List(P.Str)),
        ("promotion_code", P.Str),
        ("shipping", P.OrEmpty(P.Obj([("address", P.Obj([("city", P.Str), ("country", P.Str), ("line1", P.Str), ("line2", P.Str), ("postal_code", P.Str), ("state", P.Str)])), ("name", P.Str), ("phone", P.Str)], required: ["address", "name"]))),
        ("source", P.Str),
        ("tax", P.Obj([("ip_address", P.OrEmpty(P.Str))])),
        ("tax_exempt", P.Enum("", "exempt", "none", "reverse")),
    ];

    public static readonly IReadOnlyDictionary<(string Method, string Path), ObjectParam> Endpoints = new Dictionary<(string, string), ObjectParam>
    {
        [("POST", "/v1/customers")] = P.Obj(
        [
            .. CustomerFields,
            ("payment_method", P.Str),
            ("tax_id_data", P.List(P.Obj([("type", P.Str), ("value", P.Str)], required: ["type", "value"]))),
            ("test_clock", P.Str),
        ]),
        [("POST", "/v1/customers/{customer}")] = P.Obj(
        [
            .. CustomerFields,
            ("bank_account", P.AnyOf(P.Obj([("account_holder_name", P.Str), ("account_holder_type", P.Enum("company", "individual")), ("account_number", P.Str), ("country", P.Str), ("currency", P.Str), ("object", P.Enum("bank_account")), ("routing_number", P.Str)], required: ["account_number", "country"]), P.Str)),
            ("card", P.AnyOf(P.Obj([("address_city", P.Str), ("address_country", P.Str), ("address_line1", P.Str), ("address_line2", P.Str), ("address_state", P.Str), ("address_zip", P.Str), ("cvc", P.Str), ("exp_month", P.Int), ("exp_year", P.Int), ("metadata", P.Map), ("name", P.Str), ("number", P.Str), ("object", P.Enum("card"))], required: ["exp_month", "exp_year", "number"]), P.Str)),
            ("default_alipay_account", P.Str),
            ("default_bank_account", P.Str),
            ("default_card", P.Str),
            ("default_source", P.Str),
        ]),
        [("POST", "/v1/invoices")] = P.Obj(
        [
            ("account_tax_ids", P.OrEmpty(P.List(P.Str))),
            ("application_fee_amount", P.Int),
            ("auto_advance", P.Bool),
            ("automatic_tax", P.Obj([("enabled", P.Bool)], required: ["enabled"])),
            ("collection_method", P.Enum("charge_automatically", "send_invoice")),
            ("currency", P.Str),
            ("custom_fields", P.OrEmpty(P.List(P.Obj([("name", P.Str), ("value", P.Str)], required: ["name", "value"])))),
            ("customer", P.Str),
            ("days_until_due", P.Int),
            ("default_payment_method", P.Str),
            ("default_source", P.Str),
            ("default_tax_rates", P.List(P.Str)),
            ("description", P.Str),
            ("discounts", P.OrEmpty(P.List(P.Obj([("coupon", P.Str), ("discount", P.Str)])))),
            ("due_date", P.Int),
            ("effective_at", P.Int),
            ("expand", P.List(P.Str)),
            ("footer", P.Str),
            ("from_invoice", P.Obj([("action", P.Enum("revision")), ("invoice", P.Str)], required: ["action", "invoice"])),
            ("metadata", P.OrEmpty(P.Map)),
            ("on_behalf_of", P.Str),
            ("payment_settings", P.Obj([("default_mandate", P.OrEmpty(P.Str)), ("payment_method_options", P.Obj([("acss_debit", P.OrEmpty(P.Any)), ("bancontact", P.OrEmpty(P.Any)), ("card", P.OrEmpty(P.Any)), ("customer_balance", P.OrEmpty(P.Any)), ("konbini", P.OrEmpty(P.Map)), ("us_bank_account", P.OrEmpty(P.Any))])), ("payment_method_types", P.OrEmpty(P.List(P.Enum("ach_credit_transfer", "ach_debit", "acss_debit", "au_becs_debit", "bacs_debit", "bancontact", "boleto", "card", "cashapp", "customer_balance", "fpx", "giropay", "grabpay", "ideal", "konbini", "link", "paynow", "paypal", "promptpay", "sepa_debit", "sofort", "us_bank_account", "wechat_pay"))))])),
            ("pending_invoice_items_behavior", P.Enum("exclude", "include", "include_and_require")),
            ("rendering_options", P.OrEmpty(P.Obj([("amount_tax_display", P.Enum("", "exclude_tax", "include_inclusive_tax"))]))),
            ("shipping_cost", P.Obj([("shipping_rate", P.Str), ("shipping_rate_data", P.Obj([("delivery_estimate", P.Any), ("display_name", P.Str), ("fixed_amount", P.Any), ("metadata", P.Map), ("tax_behavior", P.Enum("exclusive", "inclusive", "unspecified")), ("tax_code", P.Str), ("type", P.Enum("fixed_amount"))], required: ["display_name"]))])),
            ("shipping_details", P.Obj([("address", P.Obj([("city", P.Str), ("country", P.Str), ("line1", P.Str), ("line2", P.Str), ("postal_code", P.Str), ("state", P.Str)])), ("name", P.Str), ("phone", P.OrEmpty(P.Str))], required: ["address", "name"])),
            ("statement_descriptor", P.Str),
            ("subscription", P.Str),
            ("transfer_data", P.Obj([("amount", P.Int), ("destination", P.Str)], required: ["destination"])),
        ]),
        [("POST", "/v1/invoices/{invoice}/finalize")] = P.Obj(
        [
            ("auto_advance", P.Bool),
            ("expand", P.List(P.Str)),
        ]),
        [("POST", "/v1/invoices/{invoice}/pay")] = P.Obj(
        [
            ("expand", P.List(P.Str)),
            ("forgive", P.Bool),
            ("mandate", P.OrEmpty(P.Str)),
            ("off_session", P.Bool),
            ("paid_out_of_band", P.Bool),
            ("payment_method", P.Str),
            ("source", P.Str),
        ]),
        [("POST", "/v1/invoices/{invoice}/void")] = P.Obj(
        [
            ("expand", P.List(P.Str)),
        ]),
        [("POST", "/v1/invoices/{invoice}/mark_uncollectible")] = P.Obj(
        [
            ("expand", P.List(P.Str)),
        ]),
        [("POST", "/v1/invoiceitems")] = P.Obj(
        [
            ("amount", P.Int),
            ("currency", P.Str),
            ("customer", P.Str),
            ("description", P.Str),
            ("discountable", P.Bool),
            ("discounts", P.OrEmpty(P.List(P.Obj([("coupon", P.Str), ("discount", P.Str)])))),
            ("expand", P.List(P.Str)),
            ("invoice", P.Str),
            ("metadata", P.OrEmpty(P.Map)),
            ("period", P.Obj([("end", P.Int), ("start", P.Int)], required: ["end", "start"])),
            ("price", P.Str),
            ("price_data", P.Obj([("currency", P.Str), ("product", P.Str), ("tax_behavior", P.Enum("exclusive", "inclusive", "unspecified")), ("unit_amount", P.Int), ("unit_amount_decimal", P.Str)], required: ["currency", "product"])),
            ("quantity", P.Int),
            ("subscription", P.Str),
            ("tax_behavior", P.Enum("exclusive", "inclusive", "unspecified")),
            ("tax_code", P.OrEmpty(P.Str)),
            ("tax_rates", P.List(P.Str)),
            ("unit_amount", P.Int),
            ("unit_amount_decimal", P.Str),
        ], required: ["customer"]),
        [("POST", "/v1/checkout/sessions")] = P.Obj(
        [
            ("after_expiration", P.Obj([("recovery", P.Obj([("allow_promotion_codes", P.Bool), ("enabled", P.Bool)], required: ["enabled"]))])),
            ("allow_promotion_codes", P.Bool),
            ("automatic_tax", P.Obj([("enabled", P.Bool)], required: ["enabled"])),
            ("billing_address_collection", P.Enum("auto", "required")),
            ("cancel_url", P.Str),
            ("client_reference_id", P.Str),
            ("consent_collection", P.Obj([("promotions", P.Enum("auto", "none")), ("terms_of_service", P.Enum("none", "required"))])),
            ("currency", P.Str),
            ("custom_fields", P.List(P.Obj([("dropdown", P.Any), ("key", P.Str), ("label", P.Any), ("numeric", P.Any), ("optional", P.Bool), ("text", P.Any), ("type", P.Enum("dropdown", "numeric", "text"))], required: ["key", "label", "type"]))),
            ("custom_text", P.Obj([("shipping_address", P.OrEmpty(P.Obj([("message", P.Str)], required: ["message"]))), ("submit", P.OrEmpty(P.Obj([("message", P.Str)], required: ["message"])))])),
            ("customer", P.Str),
            ("customer_creation", P.Enum("always", "if_required")),
            ("customer_email", P.Str),
            ("customer_update", P.Obj([("address", P.Enum("auto", "never")), ("name", P.Enum("auto", "never")), ("shipping", P.Enum("auto", "never"))])),
            ("discounts", P.List(P.Obj([("coupon", P.Str), ("promotion_code", P.Str)]))),
            ("expand", P.List(P.Str)),
            ("expires_at", P.Int),
            ("invoice_creation", P.Obj([("enabled", P.Bool), ("invoice_data", P.Obj([("account_tax_ids", P.OrEmpty(P.List(P.Str))), ("custom_fields", P.OrEmpty(P.List(P.Any))), ("description", P.Str), ("footer", P.Str), ("metadata", P.Map), ("rendering_options", P.OrEmpty(P.Any))]))], required: ["enabled"])),
            ("line_items", P.List(P.Obj([("adjustable_quantity", P.Any), ("dynamic_tax_rates", P.List(P.Str)), ("price", P.Str), ("price_data", P.Any), ("quantity", P.Int), ("tax_rates", P.List(P.Str))]))),
            ("locale", P.Str),
            ("metadata", P.Map),
            ("mode", P.Enum("payment", "setup", "subscription")),
            ("payment_intent_data", P.Obj([("application_fee_amount", P.Int), ("capture_method", P.Enum("automatic", "automatic_async", "manual")), ("description", P.Str), ("metadata", P.Map), ("on_behalf_of", P.Str), ("receipt_email", P.Str), ("setup_future_usage", P.Enum("off_session", "on_session")), ("shipping", P.Obj([("address", P.Any), ("carrier", P.Str), ("name", P.Str), ("phone", P.Str), ("tracking_number", P.Str)], required: ["address", "name"])), ("statement_descriptor", P.Str), ("statement_descriptor_suffix", P.Str), ("transfer_data", P.Obj([("amount", P.Int), ("destination", P.Str)], required: ["destination"])), ("transfer_group", P.Str)])),
            ("payment_method_collection", P.Enum("always", "if_required")),
            ("payment_method_options", P.Obj([("acss_debit", P.Obj([("currency", P.Enum("cad", "usd")), ("mandate_options", P.Any), ("setup_future_usage", P.Enum("none", "off_session", "on_session")), ("verification_method", P.Enum("automatic", "instant", "microdeposits"))])), ("affirm", P.Obj([("setup_future_usage", P.Enum("none"))])), ("afterpay_clearpay", P.Obj([("setup_future_usage", P.Enum("none"))])), ("alipay", P.Obj([("setup_future_usage", P.Enum("none"))])), ("au_becs_debit", P.Obj([("setup_future_usage", P.Enum("none"))])), ("bacs_debit", P.Obj([("setup_future_usage", P.Enum("none", "off_session", "on_session"))])), ("bancontact", P.Obj([("setup_future_usage", P.Enum("none"))])), ("boleto", P.Obj([("expires_after_days", P.Int), ("setup_future_usage", P.Enum("none", "off_session", "on_session"))])), ("card", P.Obj([("installments", P.Any), ("setup_future_usage", P.Enum("off_session", "on_session")), ("statement_descriptor_suffix_kana", P.Str), ("statement_descriptor_suffix_kanji", P.Str)])), ("cashapp", P.Obj([("setup_future_usage", P.Enum("none", "off_session", "on_session"))])), ("customer_balance", P.Obj([("bank_transfer", P.Any), ("funding_type", P.Enum("bank_transfer")), ("setup_future_usage", P.Enum("none"))])), ("eps", P.Obj([("setup_future_usage", P.Enum("none"))])), ("fpx", P.Obj([("setup_future_usage", P.Enum("none"))])), ("giropay", P.Obj([("setup_future_usage", P.Enum("none"))])), ("grabpay", P.Obj([("setup_future_usage", P.Enum("none"))])), ("ideal", P.Obj([("setup_future_usage", P.Enum("none"))])), ("klarna", P.Obj([("setup_future_usage", P.Enum("none"))])), ("konbini", P.Obj([("expires_after_days", P.Int), ("setup_future_usage", P.Enum("none"))])), ("link", P.Obj([("setup_future_usage", P.Enum("none", "off_session"))])), ("oxxo", P.Obj([("expires_after_days", P.Int), ("setup_future_usage", P.Enum("none"))])), ("p24", P.Obj([("setup_future_usage", P.Enum("none")), ("tos_shown_and_accepted", P.Bool)])), ("paynow", P.Obj([("setup_future_usage", P.Enum("none"))])), ("paypal", P.Obj([("capture_method", P.Enum("", "manual")), ("preferred_locale", P.Enum("cs-CZ", "da-DK", "de-AT", "de-DE", "de-LU", "el-GR", "en-GB", "en-US", "es-ES", "fi-FI", "fr-BE", "fr-FR", "fr-LU", "hu-HU", "it-IT", "nl-BE", "nl-NL", "pl-PL", "pt-PT", "sk-SK", "sv-SE")), ("reference", P.Str), ("risk_correlation_id", P.Str), ("setup_future_usage", P.Enum("", "none", "off_session"))])), ("pix", P.Obj([("expires_after_seconds", P.Int)])), ("sepa_debit", P.Obj([("setup_future_usage", P.Enum("none", "off_session", "on_session"))])), ("sofort", P.Obj([("setup_future_usage", P.Enum("none"))])), ("us_bank_account", P.Obj([("financial_connections", P.Any), ("setup_future_usage", P.Enum("none", "off_session", "on_session")), ("verification_method", P.Enum("automatic", "instant"))])), ("wechat_pay", P.Obj([("app_id", P.Str), ("client", P.Enum("android", "ios", "web")), ("setup_future_usage", P.Enum("none"))], required: ["client"]))])),
            ("allowed_payment_method_types", P.List(P.Enum("acss_debit", "affirm", "afterpay_clearpay", "alipay", "au_becs_debit", "bacs_debit", "bancontact", "blik", "boleto", "card", "cashapp", "customer_balance", "eps", "fpx", "giropay", "grabpay", "ideal", "klarna", "konbini", "link", "oxxo", "p24", "paynow", "paypal", "pix", "promptpay", "sepa_debit", "sofort", "us_bank_account", "wechat_pay", "zip"))),
            ("phone_number_collection", P.Obj([("enabled", P.Bool)], required: ["enabled"])),
            ("setup_intent_data", P.Obj([("description", P.Str), ("metadata", P.Map), ("on_behalf_of", P.Str)])),
            ("shipping_address_collection", P.Obj([("allowed_countries", P.List(P.Str))], required: ["allowed_countries"])),
            ("shipping_options", P.List(P.Obj([("shipping_rate", P.Str), ("shipping_rate_data", P.Any)]))),
            ("submit_type", P.Enum("auto", "book", "donate", "pay")),
            ("subscription_data", P.Obj([("application_fee_percent", P.Num), ("billing_cycle_anchor", P.Int), ("default_tax_rates", P.List(P.Str)), ("description", P.Str), ("metadata", P.Map), ("on_behalf_of", P.Str), ("proration_behavior", P.Enum("create_prorations", "none")), ("transfer_data", P.Obj([("amount_percent", P.Num), ("destination", P.Str)], required: ["destination"])), ("trial_end", P.Int), ("trial_period_days", P.Int), ("trial_settings", P.Obj([("end_behavior", P.Any)], required: ["end_behavior"]))])),
            ("success_url", P.Str),
            ("tax_id_collection", P.Obj([("enabled", P.Bool)], required: ["enabled"])),
        ], required: ["success_url"]),
        [("GET", "/v1/customers/{customer}")] = P.Obj([("expand", P.List(P.Str))]),
        [("GET", "/v1/invoices/{invoice}")] = P.Obj([("expand", P.List(P.Str))]),
        [("GET", "/v1/setup_intents")] = P.Obj([("attach_to_self", P.Bool), ("created", P.AnyOf(P.Obj([("gt", P.Int), ("gte", P.Int), ("lt", P.Int), ("lte", P.Int)]), P.Int)), ("customer", P.Str), ("ending_before", P.Str), ("expand", P.List(P.Str)), ("limit", P.Int), ("payment_method", P.Str), ("starting_after", P.Str)]),
    };
}
