/// Where a frame is shown: the real terminal (`NcursesTerminal`) or its in-memory twin for
/// tests (`InMemorySurface`).
///
/// The console draws a whole frame into a `ScreenBuffer` of the surface's `size` and hands
/// it to `present`; the surface decides how to show it. Surfaces are used from the main
/// thread only (the ncurses one checks).
public protocol Surface: AnyObject {
    /// The screen size now; after a resize event, draw the next frame at this size.
    var size: Size { get }

    /// Shows `buffer`. A buffer of another size than the surface is cut or padded to fit.
    func present(_ buffer: ScreenBuffer)
}

extension Surface {
    /// A blank buffer of the surface's size, to draw the next frame into.
    public func makeBuffer(style: Style = .plain) -> ScreenBuffer {
        ScreenBuffer(size: size, style: style)
    }
}
