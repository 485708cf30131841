import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAfterFirstPaint, useValueAfterPaint } from '../../src/components/use-after-paint';
import { driveFramesByHand } from './frames-by-hand';

const { nextFrame, pending } = driveFramesByHand();
afterEach(() => {
  vi.restoreAllMocks();
});

function Painted({ value }: { value: string }) {
  return <p data-testid="painted">{useValueAfterPaint(value)}</p>;
}
function FirstPaint() {
  return <p data-testid="first">{useAfterFirstPaint() ? 'after' : 'before'}</p>;
}

describe('useValueAfterPaint', () => {
  it('starts with the value, and takes a new one only after the frame that showed the change', () => {
    const { rerender } = render(<Painted value="a" />);
    expect(screen.getByTestId('painted').textContent).toBe('a');
    rerender(<Painted value="b" />);
    expect(screen.getByTestId('painted').textContent, 'not in the same frame').toBe('a');
    act(() => nextFrame());
    expect(screen.getByTestId('painted').textContent, 'not before that frame has painted').toBe('a');
    act(() => {
      vi.runOnlyPendingTimers();
    });
    expect(screen.getByTestId('painted').textContent).toBe('b');
  });

  it('can start from another value, taking its own after the first frame has painted', () => {
    function From({ value }: { value: string }) {
      return <p data-testid="from">{useValueAfterPaint(value, 'none')}</p>;
    }
    render(<From value="a" />);
    expect(screen.getByTestId('from').textContent).toBe('none');
    act(() => nextFrame());
    expect(screen.getByTestId('from').textContent).toBe('none');
    act(() => {
      vi.runOnlyPendingTimers();
    });
    expect(screen.getByTestId('from').textContent).toBe('a');
  });

  it('takes the new value without a frame in a hidden tab, which paints none', () => {
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const { rerender } = render(<Painted value="a" />);
    rerender(<Painted value="b" />);
    expect(screen.getByTestId('painted').textContent).toBe('a');
    act(() => {
      vi.runOnlyPendingTimers();
    });
    expect(screen.getByTestId('painted').textContent).toBe('b');
    expect(pending()).toBe(0);
  });

  it('skips a value that was replaced before its frame', () => {
    const { rerender } = render(<Painted value="a" />);
    rerender(<Painted value="b" />);
    rerender(<Painted value="c" />);
    act(() => nextFrame());
    act(() => {
      vi.runOnlyPendingTimers();
    });
    expect(screen.getByTestId('painted').textContent).toBe('c');
  });
});

describe('useAfterFirstPaint', () => {
  it('is false in the first render and true after the next frame', () => {
    render(<FirstPaint />);
    expect(screen.getByTestId('first').textContent).toBe('before');
    act(() => nextFrame());
    act(() => {
      vi.advanceTimersByTime(0);
    });
    expect(screen.getByTestId('first').textContent).toBe('after');
  });

  it('is true after 100 ms where no frame comes (a hidden tab)', () => {
    render(<FirstPaint />);
    act(() => {
      vi.advanceTimersByTime(99);
    });
    expect(screen.getByTestId('first').textContent).toBe('before');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.getByTestId('first').textContent).toBe('after');
  });
});
