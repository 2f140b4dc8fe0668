import Foundation

/// A findings result in standard format: --STRESC, --STRESN and --STRESU ("" is null).
public struct StandardizedResult: Hashable, Sendable {
    public var character: String
    public var number: String
    public var unit: String

    public init(character: String, number: String, unit: String) {
        self.character = character
        self.number = number
        self.unit = unit
    }
}

/// Standardizes a collected result (--ORRES, --ORRESU) with the domain's unit conversions.
///
/// A number is written canonically (`36.60` -> `36.6`) and, when its unit has a conversion,
/// converted (`150` LB -> `68` kg with `decimals: 0`) in decimal arithmetic; a text result is kept
/// as collected (trimmed), with no number. The unit of a result without a conversion is kept.
public enum ResultStandardizer {
    public static func standardize(result: String, unit: String, conversions: [UnitConversion]) -> StandardizedResult {
        let text = result.trimmingSpaces
        let unitText = unit.trimmingSpaces
        guard !text.isEmpty else { return StandardizedResult(character: "", number: "", unit: "") }
        guard let number = decimal(text) else { return StandardizedResult(character: text, number: "", unit: unitText) }
        guard let conversion = conversion(for: unitText, in: conversions), let converted = convert(number, conversion) else {
            let canonical = canonical(number)
            return StandardizedResult(character: canonical, number: canonical, unit: unitText)
        }
        return StandardizedResult(character: converted, number: converted, unit: conversion.to)
    }

    /// The conversion whose `from` is `unit`, ignoring case and surrounding spaces.
    static func conversion(for unit: String, in conversions: [UnitConversion]) -> UnitConversion? {
        guard !unit.isEmpty else { return nil }
        return conversions.first { $0.from.trimmingSpaces.caseInsensitiveCompare(unit) == .orderedSame }
    }

    /// A decimal number (`12`, `-0.5`, `.5`, `1e3`), or nil for any other text.
    static func decimal(_ text: String) -> Decimal? {
        guard text.wholeMatch(of: /[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/) != nil else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `value × factor + offset`, rounded half away from zero to the conversion's decimals, canonical.
    private static func convert(_ value: Decimal, _ conversion: UnitConversion) -> String? {
        guard let factor = decimal("\(conversion.factor)"), let offset = decimal("\(conversion.offset ?? 0)") else { return nil }
        var exact = value * factor + offset
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, max(0, conversion.decimals), .plain)
        return canonical(rounded)
    }

    /// Without trailing zeros or exponent; `-0` is `0`.
    static func canonical(_ value: Decimal) -> String {
        let text = "\(value)"
        return text == "-0" ? "0" : text
    }
}
