/**
 * The top-level parameters Stripe's API (2026 versions) accepts on the endpoints this server
 * answers, from its API reference. The server refuses any other, as Stripe does.
 */
export const PAGE = "limit starting_after ending_before";

export const ACCOUNT_PARAMS =
  "type country email capabilities metadata business_type business_profile company individual controller settings tos_acceptance default_currency external_account documents groups";

export const CUSTOMER_PARAMS =
  "name email description metadata address phone preferred_locales invoice_settings invoice_prefix tax_exempt tax_id_data tax shipping balance cash_balance next_invoice_sequence payment_method source test_clock validate";

export const INVOICE_PARAMS =
  "customer customer_account collection_method days_until_due due_date currency auto_advance automatically_finalizes_at transfer_data application_fee_amount payment_settings metadata description footer custom_fields default_payment_method default_source default_tax_rates discounts on_behalf_of statement_descriptor rendering number automatic_tax account_tax_ids subscription issuer shipping_cost shipping_details from_invoice effective_at pending_invoice_items_behavior";

export const INVOICE_ITEM_PARAMS =
  "customer customer_account invoice amount currency description metadata period quantity unit_amount_decimal pricing price_data discountable discounts tax_behavior tax_code tax_rates subscription";

export const CREDIT_NOTE_PARAMS =
  "invoice lines memo reason metadata amount credit_amount refund_amount out_of_band_amount refunds email_type effective_at shipping_cost";

export const CHECKOUT_PARAMS =
  "mode customer customer_email customer_creation customer_update line_items success_url cancel_url return_url ui_mode metadata subscription_data client_reference_id allow_promotion_codes billing_address_collection payment_method_types payment_method_collection payment_method_options locale currency expires_at custom_text custom_fields consent_collection invoice_creation automatic_tax tax_id_collection phone_number_collection discounts saved_payment_method_options submit_type";

export const SUBSCRIPTION_UPDATE_PARAMS =
  "cancel_at_period_end cancel_at cancellation_details metadata default_payment_method collection_method days_until_due description items pause_collection payment_behavior proration_behavior trial_end";
