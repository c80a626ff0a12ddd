@testable import MSRConsole
import MSREngine
import XCTest

/// The command specs: every name reads back into a command of that name, every command reads
/// back from its text, and what the specs say matches how commands are read.
final class CommandSpecTests: XCTestCase {
    /// An argument each kind accepts, so every name can be written as a whole command.
    private func sample(_ kind: ArgumentKind) -> String {
        switch kind {
        case .none: return ""
        case .number(let range, _, _): return String(range.upperBound / 2)
        case .count(let range, _, _, _): return String(Int(min(range.upperBound, 3)))
        case .text, .optionalText: return "side=RED"
        case .speed: return "2.5"
        }
    }

    func testEveryNameParsesBackToACommandOfThatName() throws {
        for name in CommandName.allCases {
            let line = name.rawValue + " " + sample(name.spec.argument)
            XCTAssertEqual(try CommandParser.parse(line).name, name, line)
            XCTAssertEqual(name.spec.name, name)
            XCTAssertTrue(name.spec.usage.hasPrefix(name.rawValue), name.spec.usage)
        }
    }

    func testCommandsWithoutAnArgumentRefuseOne() {
        for name in CommandName.allCases {
            switch name.spec.argument {
            case .none:
                XCTAssertThrowsError(try CommandParser.parse(name.rawValue + " now"), name.rawValue)
            case .number, .text, .speed:
                XCTAssertThrowsError(try CommandParser.parse(name.rawValue), "\(name.rawValue) needs its argument")
            case .count, .optionalText:
                XCTAssertNoThrow(try CommandParser.parse(name.rawValue), name.rawValue)
            }
        }
    }

    func testEveryKeysCommandReadsBackFromItsText() throws {
        let more: [ConsoleCommand] = [.setSpeed(.rate(0.25)), .setSpeed(.rate(60)), .setSpeed(.max), .jump(-1.5),
                                      .filter("side=RED status=moving"), .goTo("+01:00:00"), .link("start"), .bookmark("contact"),
                                      .scrollDown(7), .export("csv units.csv"), .chooseTable("ops.units")]
        for command in KeyBindings.all.map(\.command) + more {
            XCTAssertEqual(try CommandParser.parse(command.text), command, command.text)
        }
    }

    func testNamesAreReadByTheirBytes() {
        XCTAssertEqual(CommandName.named("PLAY"), .play, "case folds")
        XCTAssertNil(CommandName.named("pla"))
        XCTAssertNil(CommandName.named("play\u{301}"), "a combining mark makes another name")
        XCTAssertNil(CommandName.named("ｐｌａｙ"), "full-width letters are other bytes")
        XCTAssertEqual(CommandName.completing("step-").map(\.rawValue), ["step-back", "step-forward"])
        XCTAssertEqual(CommandName.completing("").count, CommandName.allCases.count)
    }

    func testSeeksAreMovesAndKeysBelongToTheirCommand() {
        for name in CommandName.allCases {
            let spec = name.spec
            if spec.seeks { XCTAssertTrue(spec.moves, "\(name.rawValue) seeks without moving") }
            for b in spec.bindings {
                XCTAssertEqual(b.command.name, name, "key \(b.key) of \(name.rawValue) runs \(b.command.name.rawValue)")
            }
        }
        XCTAssertTrue(CommandName.jumpTo.spec.seeks)
        XCTAssertFalse(CommandName.stepForward.spec.seeks)
        XCTAssertTrue(CommandName.reverse.spec.moves)
        XCTAssertFalse(CommandName.live.spec.moves)
    }

    func testArgumentsKeepTheirRanges() throws {
        XCTAssertEqual(try CommandParser.parse("jump-to 50"), .jumpToFraction(0.5))
        XCTAssertEqual(try CommandParser.parse("scroll-up"), .scrollUp(1))
        XCTAssertEqual(try CommandParser.parse("filter"), .clearFilter)
        XCTAssertEqual(try CommandParser.parse("breakpoint"), .clearBreakpoint)
        XCTAssertThrowsError(try CommandParser.parse("jump-to 101"))
        XCTAssertThrowsError(try CommandParser.parse("jump 1e300"))
        XCTAssertThrowsError(try CommandParser.parse("scroll-down -1"))
        XCTAssertThrowsError(try CommandParser.parse("speed 0")) { e in
            XCTAssertEqual("\(e)", "'0' is not a speed; give a number such as 60 or 0.5, or max.")
        }
    }
}
