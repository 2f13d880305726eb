import AssureCore

/// One worksheet part: columns, frozen header, cells, and drop-down lists.
enum SheetXML {
    static func write(_ sheet: WorkbookSheet) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        if sheet.frozenRows > 0 {
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.columns.isEmpty {
            xml += "<cols>"
            for (index, column) in sheet.columns.enumerated() {
                xml +=
                    "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"\(column.isHidden ? " hidden=\"1\"" : "")/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = "\(columnLetter(columnIndex))\(rowIndex + 1)"
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .empty:
                    if cell.style != .plain { xml += "<c r=\"\(reference)\"\(style)/>" }
                case .text(let text):
                    xml +=
                        "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escape(text))</t></is></c>"
                case .number(let number):
                    xml +=
                        "<c r=\"\(reference)\"\(style)><v>\(number.isFinite ? TableCell.number(number).text : "0")</v></c>"
                case .date(let day):
                    let dateStyle = cell.style == .plain ? " s=\"\(CellStyle.date.rawValue)\"" : style
                    xml += "<c r=\"\(reference)\"\(dateStyle)><v>\(serial(day))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.validations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let list = validation.values.joined(separator: ",")
                xml +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                    + "errorTitle=\"Not on the scale\" error=\"\(XMLText.escape(validation.prompt))\" "
                    + "promptTitle=\"Rating\" prompt=\"\(XMLText.escape(validation.prompt))\" sqref=\"\(validation.range)\">"
                    + "<formula1>\"\(XMLText.escape(list))\"</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    /// Days since 30 Dec 1899, as Excel counts them in the 1900 date system.
    static func serial(_ day: CalendarDate) -> Int {
        CalendarDate(year: 1899, month: 12, day: 30)!.days(until: day)
    }
}

/// styles.xml: fonts, fills and the cell formats `CellStyle` indexes, in the same order.
enum WorkbookStyles {
    static var xml: String {
        let fills = CellStyle.allCases.compactMap(\.fill)
        let uniqueFills = fills.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let fillXML = uniqueFills.map {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\($0)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }.joined()
        let formats = CellStyle.allCases.map { style -> String in
            let fillID = style.fill.flatMap { uniqueFills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
            let fontID = style.isBold ? 1 : 0
            let numberFormat = style == .date ? 164 : 0
            let wrap = style == .wrapped || style == .header
            return
                "<xf numFmtId=\"\(numberFormat)\" fontId=\"\(fontID)\" fillId=\"\(fillID)\" borderId=\"0\" xfId=\"0\""
                + (numberFormat != 0 ? " applyNumberFormat=\"1\"" : "") + (fillID != 0 ? " applyFill=\"1\"" : "")
                + (fontID != 0 ? " applyFont=\"1\"" : "")
                + (wrap ? " applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>" : "/>")
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd mmm yyyy"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="\(uniqueFills.count + 2)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\(fillXML)</fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(CellStyle.allCases.count)">\(formats)</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }
}
