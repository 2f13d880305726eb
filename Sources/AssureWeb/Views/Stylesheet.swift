/// One stylesheet, served from memory. NHS identity: NHS Blue #005EB8, dark text on white, Arial for Frutiger.
/// Every rating colour passes WCAG AA with its text colour.
enum Stylesheet {
    static let css = """
        :root { --blue: #005eb8; --dark-blue: #003087; --text: #212b32; --grey: #4c6272; --pale: #f0f4f5; --border: #d8dde0; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: Frutiger, Arial, sans-serif; color: var(--text); background: #fff; line-height: 1.45; font-size: 16px; }
        a { color: var(--blue); } a:hover { color: var(--dark-blue); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #ffeb3b; outline-offset: 0; box-shadow: 0 4px 0 #212b32; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #ffeb3b; padding: 4px 8px; }
        .site-header { background: var(--blue); color: #fff; display: flex; align-items: center; justify-content: space-between; padding: 10px 24px; flex-wrap: wrap; gap: 8px; }
        .site-header a, .site-header .who { color: #fff; }
        .nav-wide { display: flex; gap: 18px; align-items: center; flex-wrap: wrap; } .nav-narrow { display: none; }
        .site-header a[aria-current=page] { font-weight: bold; text-decoration-thickness: 3px; }
        .nav-group { position: relative; } .nav-group summary { cursor: pointer; } .nav-group[open] summary { text-decoration: underline; }
        .nav-group ul { position: absolute; left: 0; top: 100%; z-index: 10; background: #fff; border: 1px solid var(--border); list-style: none; padding: 6px 0; margin: 8px 0 0; min-width: 200px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
        .nav-group ul a { color: var(--blue); display: block; padding: 6px 14px; } .site-header .nav-group ul a[aria-current=page] { color: var(--dark-blue); }
        .nav-count { background: #fff; color: var(--dark-blue); border-radius: 10px; padding: 0 7px; margin-left: 6px; font-weight: bold; font-size: 14px; }
        .brand { font-weight: bold; font-size: 22px; text-decoration: none; }
        .page { padding: 16px 24px 40px; max-width: 1500px; margin: 0 auto; }
        .site-footer { border-top: 1px solid var(--border); color: var(--grey); padding: 12px 24px; font-size: 14px; }
        h1 { font-size: 28px; margin: 8px 0 4px; } h2 { font-size: 22px; margin: 28px 0 8px; } h3 { font-size: 18px; margin: 20px 0 6px; }
        .lede { color: var(--grey); margin: 0 0 12px; }
        .breadcrumbs ol { list-style: none; padding: 0; margin: 0 0 8px; display: flex; gap: 6px; font-size: 14px; }
        .breadcrumbs li + li::before { content: "›"; margin-right: 6px; color: var(--grey); }
        .notice { background: #e8f1f8; border-left: 6px solid var(--blue); padding: 10px 14px; margin: 10px 0; }
        .error-summary { border: 4px solid #d5281b; padding: 12px 16px; margin: 12px 0; } .error-summary h2 { margin-top: 0; }
        ul.sign-in-services { list-style: none; padding: 0; margin: 16px 0 24px; } ul.sign-in-services li { margin: 0 0 12px; }
        .field-error { color: #d5281b; font-weight: bold; display: block; }
        .has-error input, .has-error select, .has-error textarea { border: 2px solid #d5281b; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; font-size: 14px; }
        caption { text-align: left; font-weight: bold; font-size: 17px; padding: 6px 0; }
        th { background: var(--blue); color: #fff; text-align: left; padding: 6px 8px; vertical-align: bottom; }
        td { border-bottom: 1px solid var(--border); padding: 6px 8px; vertical-align: top; }
        tbody th[scope=row] { background: none; color: var(--text); border-bottom: 1px solid var(--border); vertical-align: top; }
        tr.group-start td { border-top: 2px solid var(--grey); }
        td.update p { margin: 0 0 6px; } td.update { min-width: 320px; }
        .rag { display: inline-block; padding: 1px 8px; border-radius: 3px; font-weight: bold; white-space: nowrap; }
        .rag-green { background: #007f3b; color: #fff; } .rag-amber { background: #ffb81c; color: #212b32; }
        .rag-red { background: #d5281b; color: #fff; } .rag-complete { background: #005eb8; color: #fff; }
        .rag-amber-green { background: #78be20; color: #212b32; } .rag-amber-red { background: #ed8b00; color: #212b32; }
        .rag-off { background: #fff; color: #212b32; border: 2px dashed #d5281b; }
        .map-scroll { overflow-x: auto; max-width: 100%; } .provisional { color: #505a5f; font-style: italic; }
        .rag-none { background: #e8edee; color: #212b32; font-weight: normal; }
        .trend { font-size: 18px; white-space: nowrap; } .trend-declined { color: #d5281b; } .trend-improved { color: #007f3b; }
        .trend-new { font-size: 13px; color: var(--grey); } .reported-mark { font-size: 11px; color: var(--grey); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        .flags { margin: 4px 0 0; padding: 0; list-style: none; font-size: 12px; }
        .flag { background: #fff9c4; border-left: 4px solid #ffb81c; padding: 2px 6px; margin-top: 3px; }
        .row-notice { display: block; margin-top: 4px; } .row-notice strong { display: block; font-size: 13px; padding: 1px 6px; background: #e8edee; border-left: 4px solid #4c6272; }
        .not-updated { font-size: 14px; color: #212b32; }
        .provisional { background: #fff; border: 4px solid #d5281b; padding: 8px 14px; margin: 10px 0; font-size: 18px; }
        .counts { display: flex; gap: 14px; list-style: none; padding: 0; margin: 6px 0; flex-wrap: wrap; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
        .card { border: 1px solid var(--border); border-top: 4px solid var(--blue); padding: 12px 16px; background: #fff; }
        .card h2, .card h3 { margin-top: 0; }
        .button, button.button { background: #007f3b; color: #fff; border: 0; border-radius: 4px; padding: 8px 16px; font-size: 16px; cursor: pointer; box-shadow: 0 3px 0 #00401e; text-decoration: none; display: inline-block; }
        .button.warning, button.button.warning { background: #d5281b; box-shadow: 0 3px 0 #6b140e; }
        .button.secondary { background: #4c6272; box-shadow: 0 3px 0 #263139; }
        .link-button { background: none; border: 0; color: #fff; text-decoration: underline; cursor: pointer; font-size: 16px; padding: 0; }
        form.inline { display: inline; } form.inline + form.inline { margin-left: 8px; }
        .actions { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 10px 0; }
        label { font-weight: bold; display: block; margin: 12px 0 4px; }
        input[type=text], input[type=email], input[type=password], input[type=date], select, textarea { font: inherit; padding: 6px 8px; border: 2px solid #4c6272; width: 100%; max-width: 640px; }
        textarea { min-height: 120px; }
        .checklist { list-style: none; padding: 0; } .inline-label { font-weight: normal; display: inline; }
        .checkbox { display: flex; gap: 8px; align-items: center; } .checkbox label { display: inline; margin: 6px 0; font-weight: normal; }
        fieldset { border: 0; padding: 0; margin: 12px 0; } legend { font-weight: bold; padding: 0; }
        .hint { color: var(--grey); font-weight: normal; display: block; font-size: 14px; }
        .milestones td { vertical-align: top; } .milestones input, .milestones select { max-width: none; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
        .key { font-size: 14px; color: var(--grey); }
        .illustrative { background: #fff9c4; padding: 2px 8px; font-size: 13px; }
        .outcome-chart { max-width: 100%; height: auto; display: block; }
        .timeline { width: 100%; max-width: 760px; height: auto; display: block; margin: 8px 0; }
        .tl-label, .tl-axis { font: 12px Arial, sans-serif; fill: #212b32; } .tl-slip { stroke: #d5281b; stroke-width: 3; }
        .tl-baseline { fill: #fff; stroke: #005eb8; stroke-width: 2; } .tl-forecast { fill: #005eb8; } .tl-done { fill: #007f3b; }
        .state-summary { font-weight: bold; } .due-overdue { color: #d5281b; font-weight: bold; }
        .work-list { list-style: none; padding: 0; margin: 0 0 16px; } .work-list > li { border: 1px solid var(--border); border-left: 6px solid var(--blue); padding: 10px 14px; margin: 0 0 10px; }
        .work-list > li.state-returnedForChanges, .work-list > li.state-notStarted { border-left-color: #d5281b; } .work-list > li.state-approved { border-left-color: #007f3b; }
        .work-list h2, .work-list h3 { margin: 0 0 4px; font-size: 18px; } .work-list p { margin: 4px 0; }
        .compare { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; font-size: 18px; margin: 6px 0 12px; }
        .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; } .side-by-side > div { border: 1px solid var(--border); padding: 8px 12px; }
        .side-by-side h3 { margin-top: 0; font-size: 16px; }
        .figures { display: flex; gap: 12px; flex-wrap: wrap; list-style: none; padding: 0; margin: 8px 0 16px; }
        .figures li { border: 1px solid var(--border); padding: 8px 14px; min-width: 140px; } .figures strong { display: block; font-size: 28px; }
        .inline-filter { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; } .inline-filter .field { min-width: 220px; }
        .filter-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 0 16px; }
        ul.changes { list-style: none; padding: 0; margin: 0; } .field-name { font-weight: bold; } td.when { white-space: nowrap; }
        tr.total td { font-weight: bold; border-top: 2px solid var(--text); border-bottom: 2px solid var(--text); }
        td.money, th.money { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        @media screen and (max-width: 760px) {
          .nav-wide { display: none; } .nav-narrow { display: block; } .nav-narrow[open] { flex-basis: 100%; }
          .nav-narrow summary { cursor: pointer; font-weight: bold; padding: 4px 12px; border: 2px solid #fff; border-radius: 4px; display: inline-block; }
          .nav-narrow h2 { font-size: 16px; margin: 12px 0 2px; color: #fff; } .nav-narrow ul { list-style: none; padding: 0; margin: 0; }
          .nav-narrow li a, .nav-narrow p a { display: block; padding: 8px 0; } .nav-narrow p { margin: 8px 0 0; border-top: 1px solid #fff; }
          .site-header { padding: 8px 12px; } .page { padding: 12px 12px 32px; } h1 { font-size: 24px; }
          table:not(.no-stack) thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table:not(.no-stack), table:not(.no-stack) > tbody, table:not(.no-stack) > tbody > tr, table:not(.no-stack) > tbody > tr > td, table:not(.no-stack) > tbody > tr > th { display: block; width: 100%; }
          table:not(.no-stack) > tbody > tr { border-top: 3px solid var(--border); padding: 6px 0; }
          table:not(.no-stack) > tbody > tr > td { border: 0; padding: 3px 0; } table:not(.no-stack) > tbody > tr > td:empty { display: none; }
          table:not(.no-stack) td[data-label]::before, table:not(.no-stack) th[data-label]::before { content: attr(data-label); display: block; font-weight: bold; font-size: 13px; color: var(--grey); }
          td.update { min-width: 0; } td.money { text-align: left; }
          dl.facts, .side-by-side { grid-template-columns: 1fr; }
          input[type=text], select, textarea { max-width: 100%; }
        }
        @media print {
          .site-header nav, .nav-narrow, .nav-wide, .skip, form, .actions, .breadcrumbs, .site-footer, .no-print { display: none !important; }
          .site-header { background: none; color: #000; border-bottom: 2px solid #000; padding: 0 0 4px; } .site-header a { color: #000; }
          body { font-size: 11pt; } .page { padding: 0; max-width: none; }
          th { background: #fff !important; color: #000; border-bottom: 2px solid #000; }
          tr { break-inside: avoid; } table { page-break-inside: auto; } h2, h3, caption { break-after: avoid; }
          thead { display: table-header-group; break-inside: avoid; break-after: avoid; }
          .rag { -webkit-print-color-adjust: exact; print-color-adjust: exact; } a { color: #000; text-decoration: none; }
          .working-copy .flags, .working-copy .checks { display: none !important; }
          @page { size: A4 landscape; margin: 12mm 12mm 16mm;
            @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; } }
          .paper .page-break { break-after: page; }
          .paper h2 { break-after: avoid; }
        }
        .paper { max-width: 48rem; }
        .paper .numbered { display: grid; grid-template-columns: 3.5rem 1fr; }
        .paper .page-break { border-top: 1px dashed #b1b4b6; margin: 1.5rem 0; }
        @page paper { size: A4 portrait; margin: 20mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); } }
        @media print { .paper { page: paper; max-width: none; } }
        """
}
