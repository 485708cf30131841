import { defineMessages } from '../../domain/lang';

export const offlineMessages = defineMessages(
  {
    download: 'Download offline copy',
    working: 'Preparing the file…',
    done: 'Saved: one HTML file that opens in a browser without a network, with this view.',
    failed: 'The offline copy could not be made: ',
    idle: 'One HTML file with the map, data and this view; it opens without a network.',
    noTemplate: 'the offline template has no data block (is it the single-file build?)',
  },
  {
    download: '下载离线副本',
    working: '正在生成文件…',
    done: '已保存：一个 HTML 文件，保留当前视图，无需联网即可在浏览器中打开。',
    failed: '无法生成离线副本：',
    idle: '一个 HTML 文件，包含地图、数据和当前视图，无需联网即可打开。',
    noTemplate: '离线模板中没有数据块（它是单文件版本吗？）',
  },
);
