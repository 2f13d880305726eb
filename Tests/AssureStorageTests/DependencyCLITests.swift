import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

/// The command line offers seed 004's "Dependant on NHSE Stage II" as a link, records it with the page's checks, and
/// lists each dependency with its standing.
@Suite("Dependencies from the command line", .serialized)
struct DependencyCLITests {
    @Test(
        "assure dependency list offers Stage II for the CMA review's date; add records it, refuses the reverse loop, and list shows it",
        arguments: Backend.all)
    func listAndAdd(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            try await Child.run(["demo"], target)
            let portfolio = ["--portfolio", "Transformation Programme"]
            // given nothing recorded, the list offers the link written as a date
            let before = try await Child.capture(["dependency", "list"] + portfolio, target)
            #expect(before.status == 0, "\(before.errors)")
            #expect(before.output.contains("Transformation Programme: no dependency is recorded."))
            #expect(
                before.output.contains(
                    "Suggested: NHS Improvement & CMA: Successful completion of NHS Improvement and CMA process is "
                        + "dated “Dependant on NHSE Stage II”; it may mean NHSE Stage II assurance and Investment "
                        + "Committee: Successful completion of NHSE Stage II and IC"))
            // when it is recorded
            let cma = [
                "--project", "NHS Improvement & CMA", "--milestone",
                "Successful completion of NHS Improvement and CMA process",
            ]
            let stageII = [
                "--on-project", "NHSE Stage II assurance and Investment Committee", "--on-milestone",
                "Successful completion of NHSE Stage II and IC",
            ]
            let added = try await Child.capture(["dependency", "add"] + portfolio + cma + stageII, target)
            #expect(added.status == 0, "\(added.errors)")
            // then the reverse is refused with the loop named, and a project not there is named
            let loop = try await Child.capture(
                [
                    "dependency", "add", "--project", "NHSE Stage II assurance and Investment Committee",
                    "--milestone", "Successful completion of NHSE Stage II and IC", "--on-project",
                    "NHS Improvement & CMA", "--on-milestone",
                    "Successful completion of NHS Improvement and CMA process",
                ] + portfolio, target)
            #expect(loop.status == 1)
            #expect(loop.errors.contains("This would close a loop"))
            let missing = try await Child.capture(
                ["dependency", "add", "--project", "Nowhere", "--on-project", "X", "--on-milestone", "Y"] + portfolio,
                target)
            #expect(
                missing.status == 1
                    && missing.errors.contains("No project in Transformation Programme is called “Nowhere”."))
            // and the list shows it, undated and so clear, and no longer suggests it
            let after = try await Child.capture(["dependency", "list"] + portfolio, target)
            #expect(
                after.output.contains(
                    "NHS Improvement & CMA: Successful completion of NHS Improvement and CMA process | waits on NHSE "
                        + "Stage II assurance and Investment Committee: Successful completion of NHSE Stage II and IC | "
                        + "Clear"))
            #expect(!after.output.contains("Suggested:"))
        }
    }
}
