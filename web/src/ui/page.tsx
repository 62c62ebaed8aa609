import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** A page: its title, optional actions on the right, then the content. */
export function Page({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="jk-page">
      <Flex justify="space-between" align="center" wrap gap={12} className="jk-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
      </Flex>
      {children}
    </div>
  );
}
