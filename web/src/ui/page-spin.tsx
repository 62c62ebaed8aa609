import { Flex, Spin } from 'antd';

/** A centred spinner for a page (or the whole screen) while its data loads. */
export function PageSpin({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
