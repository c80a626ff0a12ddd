import MSRTerminal
import XCTest

final class MouseDecoderTests: XCTestCase {
    func testPressDragRelease() {
        var decoder = MouseDecoder()
        XCTAssertEqual(decoder.decode(x: 10, y: 20, state: .leftPressed), MouseEvent(.press(.left), x: 10, y: 20))
        XCTAssertEqual(decoder.heldButton, .left)
        XCTAssertEqual(decoder.decode(x: 12, y: 20, state: .moved), MouseEvent(.drag(.left), x: 12, y: 20))
        XCTAssertEqual(decoder.decode(x: 14, y: 20, state: [.leftPressed, .moved]),
                       MouseEvent(.drag(.left), x: 14, y: 20))
        XCTAssertEqual(decoder.decode(x: 15, y: 20, state: .leftReleased), MouseEvent(.release(.left), x: 15, y: 20))
        XCTAssertNil(decoder.heldButton)
        XCTAssertEqual(decoder.decode(x: 16, y: 20, state: .moved), MouseEvent(.move, x: 16, y: 20))
    }

    func testRepeatedPressesWhileHeldAreADrag() {
        var decoder = MouseDecoder()
        _ = decoder.decode(x: 1, y: 1, state: .leftPressed)
        XCTAssertEqual(decoder.decode(x: 2, y: 1, state: .leftPressed)?.action, .drag(.left))
    }

    func testWheelAndOtherButtons() {
        var decoder = MouseDecoder()
        XCTAssertEqual(decoder.decode(x: 0, y: 0, state: .wheelUp)?.action, .scrollUp)
        XCTAssertEqual(decoder.decode(x: 0, y: 0, state: .wheelDown)?.action, .scrollDown)
        XCTAssertEqual(decoder.decode(x: 0, y: 0, state: .rightPressed)?.action, .press(.right))
        XCTAssertEqual(decoder.decode(x: 0, y: 0, state: .rightReleased)?.action, .release(.right))
        XCTAssertEqual(decoder.decode(x: 0, y: 0, state: .middleClicked)?.action, .press(.middle))
        XCTAssertNil(decoder.decode(x: 0, y: 0, state: []))
    }

    func testModifiers() {
        var decoder = MouseDecoder()
        let event = decoder.decode(x: 3, y: 4, state: [.leftPressed, .shift, .control])
        XCTAssertEqual(event, MouseEvent(.press(.left), x: 3, y: 4, modifiers: [.shift, .control]))
    }

    func testEventsDescribeThemselvesForLogs() {
        XCTAssertEqual(InputEvent.mouse(MouseEvent(.press(.left), x: 3, y: 4, modifiers: .shift)).description,
                       "mouse Shift+press left at 3,4")
        XCTAssertEqual(InputEvent.key(KeyPress(.right, .control)).description, "key Ctrl+→")
        XCTAssertEqual(InputEvent.resize(Size(width: 80, height: 24)).description, "resize 80x24")
        XCTAssertEqual(MouseAction.scrollDown.description, "scroll down")
    }

    func testQueuedInputReplaysEventsThenTimesOut() {
        let input = QueuedInput([.key(.character("q")), .resize(Size(width: 80, height: 24))])
        input.append(.interrupt)
        XCTAssertEqual(input.readEvent(timeoutMilliseconds: 0), .key(.character("q")))
        XCTAssertEqual(input.readEvent(timeoutMilliseconds: nil), .resize(Size(width: 80, height: 24)))
        XCTAssertEqual(input.readEvent(timeoutMilliseconds: 10), .interrupt)
        XCTAssertTrue(input.isEmpty)
        XCTAssertEqual(input.readEvent(timeoutMilliseconds: 10), .timeout)
    }
}
