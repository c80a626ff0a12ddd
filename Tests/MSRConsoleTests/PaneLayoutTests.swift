@testable import MSRConsole
import MSRTerminal
import XCTest

/// Tiling: splits, closing, resizing, and rectangles that cover the area exactly.
final class PaneLayoutTests: XCTestCase {
    func testGridOfFourCoversTheAreaWithoutOverlap() {
        let layout = PaneLayout.grid([1, 2, 3, 4])!
        let area = Rect(x: 0, y: 1, width: 120, height: 40)
        let rects = layout.rects(in: area)
        XCTAssertEqual(Set(rects.keys), [1, 2, 3, 4])
        XCTAssertEqual(rects.values.reduce(0) { $0 + $1.width * $1.height }, 120 * 40)
        XCTAssertEqual(rects[1], Rect(x: 0, y: 1, width: 60, height: 20))
        XCTAssertEqual(rects[4], Rect(x: 60, y: 21, width: 60, height: 20))
    }

    func testSplitCloseAndResize() {
        var layout = PaneLayout.pane(1)
        layout = layout.splitting(1, .vertical, newID: 2).splitting(2, .horizontal, newID: 3)
        XCTAssertEqual(layout.paneIDs, [1, 2, 3])
        let grown = layout.resizing(1, by: 0.1)
        XCTAssertEqual(grown.rects(in: Rect(x: 0, y: 0, width: 100, height: 10))[1]?.width, 60)
        XCTAssertEqual(layout.removing(2)?.paneIDs, [1, 3])
        XCTAssertNil(PaneLayout.pane(1).removing(1))
    }

    func testLayoutSurvivesEncoding() throws {
        let layout = PaneLayout.grid([3, 5, 8])!
        let data = try JSONEncoder().encode(layout)
        XCTAssertEqual(try JSONDecoder().decode(PaneLayout.self, from: data), layout)
    }
}
