import CXLSXWriter
import TrialExportCore

/// How a workbook cell looks; each style used becomes one libxlsxwriter format.
struct CellStyle: Hashable {
    var bold = false
    /// A table header: bold on a tinted fill with a rule below.
    var header = false
    /// Long text wrapped within the column's width (the row grows).
    var wrap = false
    /// Filled for a row or cell new or changed since the previous transfer.
    var mark: Fill?
    /// An internal hyperlink: blue and underlined.
    var link = false
    /// A sheet title: bold and larger.
    var title = false
    /// A number shown as a percentage with one decimal (0.381 -> 38.1%).
    var percent = false

    /// How a cell differs from the previous transfer.
    enum Fill: Hashable {
        /// A cell of an added row.
        case added
        /// A cell whose value changed.
        case changed
        /// An unchanged cell of a changed row.
        case changedRow
    }

    /// Fills: added rows a clear green, changed cells a strong orange, the rest of a changed row a
    /// pale yellow, headers a light blue-grey.
    static let addedFill: lxw_color_t = 0xC6EFCE
    static let changedFill: lxw_color_t = 0xFFB347
    static let changedRowFill: lxw_color_t = 0xFFF2CC
    static let headerFill: lxw_color_t = 0xD9E1F2

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold || header || title { format_set_bold(format) }
        if title { format_set_font_size(format, 14) }
        if header {
            fill(format, Self.headerFill)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        }
        if wrap || header { format_set_text_wrap(format) }
        if wrap { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        switch mark {
        case .added: fill(format, Self.addedFill)
        case .changed: fill(format, Self.changedFill)
        case .changedRow: fill(format, Self.changedRowFill)
        case nil: break
        }
        if link {
            format_set_font_color(format, 0x0563C1)
            format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
        }
        if percent { format_set_num_format(format, "0.0%") }
    }

    /// The fill of `column` in a row marked `mark`.
    static func fill(_ mark: RowMark?, column: Int) -> Fill? {
        switch mark {
        case nil: return nil
        case .added: return .added
        case .changed(let previous): return previous.isEmpty || previous[column] != nil ? .changed : .changedRow
        }
    }

    private func fill(_ format: UnsafeMutablePointer<lxw_format>, _ colour: lxw_color_t) {
        format_set_bg_color(format, colour)
        format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
    }
}
